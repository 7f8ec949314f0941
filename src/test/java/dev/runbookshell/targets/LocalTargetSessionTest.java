package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.runbookshell.targets.local.LocalTarget;

class LocalTargetSessionTest extends TargetSessionContract {

	@Override
	protected Target target() {
		return new LocalTarget("local", Path.of("").toAbsolutePath(), null);
	}

	@Override
	protected String expectedShell() {
		return "bash";
	}

	@Test
	void aBlockCannotChangeTheProtocolTheShellKeepsForTheTool() throws Exception {
		// The protocol lives in read-only variables of the shell: bash refuses the assignment as a failed command.
		CollectingSink sink = new CollectingSink();
		ExecResult changed = run("__rb_pn='echo hijacked'; __rb_pi='echo hijacked'", sink);
		assertThat(changed.outcome()).isEqualTo(ExecResult.Outcome.COMPLETED);
		assertThat(changed.exitCode()).isNotZero();
		assertThat(output("echo next")).isEqualTo("next\n");
		assertThat(sink.out() + sink.err() + output("echo again")).doesNotContain("hijacked");
	}

}
