package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

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

	/** Debian's /bin/sh is dash: no ERR trap, so the failed cd must set the status (it said 0, succeeded). */
	@Test
	void aMissingFolderFailsTheBlockInEveryShellOfThisMachine() throws Exception {
		for (String shell : new String[] { "bash", "sh" }) {
			try (TargetSession sh = new LocalTarget("local", Path.of("").toAbsolutePath(), shell)
				.open(TargetPrompts.refusing())) {
				CollectingSink sink = new CollectingSink();
				ExecResult result = sh.execute(new ExecRequest("cwd", "echo inside", null, false, Map.of(), null,
						null, "/nonexistent/runbook-shell-folder"), sink);
				assertThat(result.exitCode()).as(shell + ": " + sink.out()).isNotZero();
				assertThat(sink.out()).as(shell).doesNotContain("inside");
			}
		}
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

	@Test
	void aBlockCannotRedefineOrRemoveTheFunctionsBashRunsBlocksWithOrTheSupervisorsFolder() throws Exception {
		// In bash the protocol is read-only functions: redefining or unsetting one is a failed command.
		for (String attempt : new String[] { "__rb_gn() { echo hijacked; }", "__rb_run() { echo hijacked; }",
				"__rb_err() { echo hijacked; }", "unset -f __rb_gn __rb_gi __rb_run __rb_err", "unset __rb_pn",
				// the supervisor's folder, whose eof file stops a line the tool could not finish
				"unset __rb_d", "__rb_d=/tmp/elsewhere" }) {
			CollectingSink sink = new CollectingSink();
			ExecResult changed = run(attempt, sink);
			assertThat(changed.outcome()).as(attempt).isEqualTo(ExecResult.Outcome.COMPLETED);
			assertThat(changed.exitCode()).as(attempt).isNotZero();
			assertThat(output("false; echo next")).as(attempt).isEqualTo("");
			assertThat(sink.out() + sink.err() + output("echo again")).as(attempt).doesNotContain("hijacked");
			assertThat(output("echo again")).as(attempt).isEqualTo("again\n");
		}
	}

}
