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

}
