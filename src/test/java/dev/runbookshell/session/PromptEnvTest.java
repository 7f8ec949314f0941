package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.runbookshell.runbook.Runbook;

/** {@code export NAME=} lines ask for their value as Runme documents it (promptEnv auto, yes, no). */
class PromptEnvTest {

	private final SessionFixture fixture = new SessionFixture();

	@Test
	void anEmptyExportIsAskedAndRunsWithTheValueTheOperatorSaw() throws Exception {
		Runbook runbook = Runbooks.runbook().block("1.1", "size", "export SIZE=\necho \"size $SIZE\"").build();
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN);
		operator.values.add("10 GB");

		this.fixture.start(runbook, operator).runToEnd();

		assertThat(operator.asked).containsExactly("SIZE: value for SIZE");
		assertThat(operator.prompts.get(0).command()).isEqualTo("export SIZE='10 GB'\necho \"size $SIZE\"");
		assertThat(this.fixture.target.scripts()).containsExactly("export SIZE='10 GB'\necho \"size $SIZE\"");
	}

	@Test
	void anUnquotedValueIsTheMessageAndAQuotedOneASuggestionEnterAccepts() throws Exception {
		Runbook runbook = Runbooks.runbook()
			.block("1.1", "cluster", "export PROJECT=[Enter your project id]\nexport ZONE=\"eu-west1-b\"  # default")
			.build();
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN);
		operator.values.add("acme-prod");
		operator.values.add("");

		this.fixture.start(runbook, operator).runToEnd();

		assertThat(operator.asked).containsExactly("PROJECT: PROJECT: [Enter your project id]",
				"ZONE: ZONE [Enter for eu-west1-b]");
		assertThat(this.fixture.target.scripts()).containsExactly("export PROJECT=acme-prod\nexport ZONE=eu-west1-b  # default");
	}

	@Test
	void autoAsksOnceAndYesAsksEveryTimeAndNoNever() throws Exception {
		Runbook runbook = Runbooks.runbook()
			.block("1.1", "first", "export SIZE=")
			.block("1.2", "again", "export SIZE=")
			.block("1.3", "always", "export SIZE=", "promptEnv=yes")
			.block("1.4", "never", "export SIZE=", "promptEnv=no")
			.build();
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN, Decision.RUN, Decision.RUN,
				Decision.RUN);
		operator.values.add("1");
		operator.values.add("2");

		this.fixture.start(runbook, operator).runToEnd();

		assertThat(operator.asked).hasSize(2);
		assertThat(this.fixture.target.scripts()).containsExactly("export SIZE=1", "export SIZE=1", "export SIZE=2",
				"export SIZE=");
	}

	@Test
	void neverNoAndFalseAllMeanNeverAsk() throws Exception {
		Runbook runbook = Runbooks.runbook()
			.block("1.1", "never", "export SIZE=", "promptEnv=never")
			.block("1.2", "no", "export SIZE=", "promptEnv=No")
			.block("1.3", "false", "export SIZE=", "promptEnv=false")
			.build();
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN, Decision.RUN, Decision.RUN);

		this.fixture.start(runbook, operator).runToEnd();

		assertThat(operator.asked).isEmpty();
		assertThat(this.fixture.target.scripts()).containsExactly("export SIZE=", "export SIZE=", "export SIZE=");
	}

	@Test
	void anExpansionOrALineInsideAHereDocumentIsNotAsked() throws Exception {
		Runbook runbook = Runbooks.runbook()
			.block("1.1", "computed", "export STAMP=\"$(date +%s)\"\nexport DIR=${DIR:-/tmp}\ncat <<EOF\nexport X=\nEOF")
			.build();
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN);

		this.fixture.start(runbook, operator).runToEnd();

		assertThat(operator.asked).isEmpty();
	}

	@Test
	void unattendedASuggestionRunsAsWrittenAndAnEmptyExportNeedsVar() throws Exception {
		Runbook suggested = Runbooks.runbook().block("1.1", "zone", "export ZONE=\"eu-west1-b\"").build();
		this.fixture.start(suggested, new AutoConfirmer()).runToEnd();
		assertThat(this.fixture.target.scripts()).containsExactly("export ZONE=\"eu-west1-b\"");

		Runbook empty = Runbooks.runbook().block("1.1", "size", "export SIZE=").build();
		RunSession session = new SessionFixture().start(empty, new AutoConfirmer());
		assertThatThrownBy(session::runToEnd).isInstanceOf(SessionRefusedException.class)
			.hasMessageContaining("--var SIZE=VALUE");

		SessionFixture given = new SessionFixture().vars(Map.of("SIZE", "x; touch /tmp/pwned"));
		given.start(empty, new AutoConfirmer()).runToEnd();
		assertThat(given.target.scripts()).containsExactly("export SIZE='x; touch /tmp/pwned'");
	}

}
