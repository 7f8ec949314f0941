package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.runbookshell.journal.JournalEvent.ToolRef;
import dev.runbookshell.runbook.Runbook;

class SessionPlanTest {

	private final Runbook plan = Runbooks.runbook()
		.block("1.1", "confirm", "read -r answer", "interactive=true")
		.block("1.2", "plain", "echo done")
		.build();

	private final SessionSettings settings = SessionSettings.of("staging", "local", new ToolRef("runbook-shell", "t"));

	@Test
	void aDryRunOfAnUnattendedSessionSaysTheInteractiveBlockWouldReadNothing() {
		List<SessionPlan.Step> steps = SessionPlan.of(this.plan, "staging", this.settings, SessionMode.YES);

		assertThat(steps.get(0).input()).isEqualTo("interactive, but nobody can type (--yes): stdin is /dev/null");
		assertThat(steps.get(1).input()).isNull();
	}

	@Test
	void aDryRunAtATerminalSaysTheInteractiveBlockReadsWhatIsTyped() {
		List<SessionPlan.Step> steps = SessionPlan.of(this.plan, "staging", this.settings, SessionMode.INTERACTIVE);

		assertThat(steps.get(0).input()).isEqualTo("interactive: reads what you type");
	}

}
