package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.runbook.FrontMatter;
import dev.runbookshell.runbook.Placeholder;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.VariableSpec;
import dev.runbookshell.targets.ExecResult.Outcome;

/** Variables, placeholders, secrets and checklists in a session. */
class SessionValuesTest {

	private final SessionFixture fixture = new SessionFixture();

	private static FrontMatter withVariables(VariableSpec... specs) {
		Map<String, VariableSpec> variables = new java.util.LinkedHashMap<>();
		for (VariableSpec spec : specs) {
			variables.put(spec.name(), spec);
		}
		return new FrontMatter("t", Map.of(), null, variables, Map.of("APP_ENV", "staging"), null, null);
	}

	@Test
	void secretIsAskedWithoutEchoAndMaskedInOutputAndJournal() throws Exception {
		Runbook runbook = Runbooks.runbook()
			.frontMatter(withVariables(new VariableSpec("DB_PASSWORD", null, "Database password", true, null)))
			.block("1.1", "login", "psql \"password=$DB_PASSWORD\"")
			.build();
		this.fixture.target.when("psql", Outcome.COMPLETED, 0, "connected with hunter2-secret\n");
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN);
		operator.values.add("hunter2-secret");

		this.fixture.start(runbook, operator).runToEnd();

		assertThat(operator.asked).containsExactly("secret DB_PASSWORD: Database password");
		assertThat(this.fixture.target.requests.get(0).exports()).containsEntry("DB_PASSWORD", "hunter2-secret")
			.containsEntry("APP_ENV", "staging");
		assertThat(this.fixture.listener.output()).isEqualTo("connected with ****\n");
		assertThat(this.fixture.journal.events.toString()).doesNotContain("hunter2-secret");
		assertThat(this.fixture.journal.all(JournalEvent.VariableSet.class))
			.containsExactly(new JournalEvent.VariableSet("DB_PASSWORD", "****", true));
		assertThat(this.fixture.journal.secrets).containsExactly("hunter2-secret");
	}

	@Test
	void aVariableUsedOnlyForItsLengthOrThroughIndirectionIsStillAsked() throws Exception {
		Runbook runbook = Runbooks.runbook()
			.frontMatter(withVariables(new VariableSpec("DB_PASSWORD", null, "Database password", true, null),
					new VariableSpec("WHICH", null, "Which variable", false, null)))
			.block("1.1", "check", "test ${#DB_PASSWORD} -ge 12 && echo ${!WHICH}")
			.build();
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN);
		operator.values.add("first-answer");
		operator.values.add("second-answer");

		this.fixture.start(runbook, operator).runToEnd();

		assertThat(operator.asked).containsExactlyInAnyOrder("secret DB_PASSWORD: Database password",
				"WHICH: Which variable");
		assertThat(this.fixture.target.requests.get(0).exports()).containsKeys("DB_PASSWORD", "WHICH");
	}

	@Test
	void placeholderValueReachesTheShellQuotedAsDataAndTheJournalHoldsExactlyWhatRan() throws Exception {
		Runbook runbook = Runbooks.runbook()
			.withPlaceholder("1.1", "note", "echo <message> > out.txt",
					new Placeholder("<message>", "message", Placeholder.Kind.ANGLE))
			.build();
		String injection = "'; rm -rf ~ #";

		this.fixture.vars(Map.of("message", injection)).start(runbook, new AutoConfirmer()).runToEnd();

		String ran = "echo ''\\''; rm -rf ~ #' > out.txt";
		assertThat(this.fixture.target.scripts()).containsExactly(ran);
		assertThat(this.fixture.journal.all(JournalEvent.BlockStarted.class).get(0).command()).isEqualTo(ran);
	}

	@Test
	void unattendedSessionWithoutAValueStopsNamingTheOption() {
		Runbook runbook = Runbooks.runbook()
			.withPlaceholder("1.1", "dump", "pg_dump > dump-YYYYMMDD.sql",
					new Placeholder("YYYYMMDD", "YYYYMMDD", Placeholder.Kind.DATE))
			.build();
		RunSession session = this.fixture.start(runbook, new AutoConfirmer());

		assertThatThrownBy(session::runToEnd).isInstanceOf(SessionRefusedException.class)
			.hasMessageContaining("variable YYYYMMDD has no value")
			.hasMessageContaining("--var YYYYMMDD=VALUE");
		assertThat(this.fixture.target.requests).isEmpty();
	}

	@Test
	void givenValueMustMatchTheFrontMatterPattern() {
		Runbook runbook = Runbooks.runbook()
			.frontMatter(withVariables(new VariableSpec("PORT", null, null, false, "\\d+")))
			.block("1.1", "listen", "nc -l $PORT")
			.build();

		assertThatThrownBy(() -> this.fixture.vars(Map.of("PORT", "eighty")).start(runbook, new AutoConfirmer()))
			.isInstanceOf(SessionRefusedException.class)
			.hasMessage("value 'eighty' for variable PORT does not match its pattern \\d+");
	}

	@Test
	void operatorIsAskedAgainWhenATypedValueDoesNotMatch() throws Exception {
		Runbook runbook = Runbooks.runbook()
			.frontMatter(withVariables(new VariableSpec("PORT", null, "Port", false, "\\d+")))
			.block("1.1", "listen", "nc -l $PORT")
			.build();
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN);
		operator.values.addAll(java.util.List.of("eighty", "8080"));

		this.fixture.start(runbook, operator).runToEnd();

		assertThat(this.fixture.listener.warnings).containsExactly("value 'eighty' for variable PORT does not match "
				+ "its pattern \\d+");
		assertThat(this.fixture.target.requests.get(0).exports()).containsEntry("PORT", "8080");
	}

	@Test
	void checklistItemsAreAskedWhenTheFlowPassesThemAndLogged() throws Exception {
		Runbook runbook = Runbooks.runbook()
			.checklist("backup verified")
			.block("1.1", "one", "echo one")
			.checklist("site answers")
			.block("1.2", "two", "echo two")
			.checklist("monitoring green")
			.build();
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN, Decision.RUN);
		operator.checks.add(new CheckResult(CheckResult.State.CHECKED, null));
		operator.checks.add(new CheckResult(CheckResult.State.UNCHECKED, "502 on /health"));
		operator.checks.add(CheckResult.UNVERIFIED);

		this.fixture.start(runbook, operator).runToEnd();

		assertThat(this.fixture.journal.types()).containsSubsequence("check", "block-started", "check",
				"block-started", "check");
		assertThat(this.fixture.journal.all(JournalEvent.Check.class)).extracting(check -> check.result().wire())
			.containsExactly("checked", "unchecked", "unverified");
		assertThat(this.fixture.journal.all(JournalEvent.Check.class).get(1).note()).isEqualTo("502 on /health");
	}

	@Test
	void yesRecordsChecklistItemsAsUnverified() throws Exception {
		Runbook runbook = Runbooks.runbook().checklist("backup verified").block("1.1", "one", "echo one").build();

		this.fixture.start(runbook, new AutoConfirmer()).runToEnd();

		assertThat(this.fixture.journal.all(JournalEvent.Check.class)).extracting(check -> check.result().wire())
			.containsExactly("unverified");
	}

	@Test
	void blockTimeoutAnnotationWinsOverTheFrontMatter() throws Exception {
		Runbook runbook = Runbooks.runbook()
			.frontMatter(new FrontMatter("t", Map.of(), null, Map.of(), Map.of(), null, Duration.ofMinutes(5)))
			.block("1.1", "slow", "sleep 60", "timeout=90s")
			.block("1.2", "fast", "true")
			.build();

		this.fixture.start(runbook, new AutoConfirmer()).runToEnd();

		assertThat(this.fixture.target.requests).extracting(r -> r.timeout())
			.containsExactly(Duration.ofSeconds(90), Duration.ofMinutes(5));
	}

}
