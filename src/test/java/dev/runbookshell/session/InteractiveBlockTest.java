package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.runbook.Runbook;

/** Blocks annotated {@code interactive=true}: the operator types into them, or, unattended, nobody can. */
class InteractiveBlockTest {

	private final SessionFixture fixture = new SessionFixture();

	private final Runbook plan = Runbooks.runbook()
		.block("1.1", "confirm", "read -r -p 'Type YES: ' answer; test \"$answer\" = YES", "interactive=true")
		.block("1.2", "after", "echo after")
		.build();

	@Test
	void withYesAnInteractiveBlockRunsWithStdinFromDevNullAndTheWarningNamesIt() throws Exception {
		RunSession session = this.fixture.start(this.plan, new AutoConfirmer());

		session.runToEnd();

		assertThat(this.fixture.target.requests.get(0).interactive()).as("stdin attached").isFalse();
		String warning = "1.1 confirm is interactive=true but nobody can type into it (--yes): it runs with stdin "
				+ "from /dev/null, so a command that reads input gets end of file";
		assertThat(this.fixture.listener.warnings).containsExactly(warning);
		assertThat(this.fixture.journal.all(JournalEvent.Note.class))
			.anySatisfy(note -> {
				assertThat(note.text()).isEqualTo("warning: " + warning);
				assertThat(note.block().id()).isEqualTo("1.1");
			});
	}

	@Test
	void whatTheOperatorTypesReachesTheBlockAndTheJournalKeepsOnlyHowManyLines() throws Exception {
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN, Decision.STOP);
		operator.keyboard = "hunter2-typed\n";

		this.fixture.start(this.plan, operator).next();

		assertThat(this.fixture.target.requests.get(0).interactive()).as("stdin attached").isTrue();
		assertThat(this.fixture.target.typed).containsExactly("hunter2-typed\n");
		assertThat(operator.typingsEnded).as("typing ended with the block").isEqualTo(1);
		assertThat(this.fixture.journal.all(JournalEvent.Note.class)).singleElement()
			.extracting(JournalEvent.Note::text)
			.isEqualTo("typed input: 1 line sent to the block while it ran (not recorded)");
		assertThat(this.fixture.journal.events).noneMatch(event -> event.toString().contains("hunter2"));
	}

	@Test
	void aBlockNotAnnotatedInteractiveTakesNoTyping() throws Exception {
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.SKIP, Decision.RUN);
		operator.keyboard = "YES\n";

		this.fixture.start(this.plan, operator).runToEnd();

		assertThat(this.fixture.target.requests).singleElement().matches(request -> !request.interactive());
		assertThat(operator.asked).doesNotContain("typing into 1.2 after");
		assertThat(this.fixture.target.typed).isEmpty();
	}

}
