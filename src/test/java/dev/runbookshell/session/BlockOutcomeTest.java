package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.targets.ExecResult;
import dev.runbookshell.targets.ExecResult.Outcome;
import dev.runbookshell.targets.FailedCommand;

/** How the failed commands a target reports decide a block's status and message. */
class BlockOutcomeTest {

	private static ExecResult completed(int exitCode, FailedCommand... failed) {
		return new ExecResult(Outcome.COMPLETED, exitCode, Duration.ofMillis(3), false, null, List.of(failed),
				failed.length, null);
	}

	private static BlockExecution.Judged judge(Block block, ExecResult result) {
		return BlockExecution.judge(block, result, "", ScriptLines.of(block, block.command()), "plan.md",
				new SecretValues());
	}

	@Test
	void aFailedCommandFailsTheBlockEvenWhenItsLastCommandSucceeded() {
		Block block = Runbooks.runbook().block("1.1", "check", "ssh host\nsudo x\nfree -h").build().executableBlocks()
			.get(0);
		BlockExecution.Judged judged = judge(block, completed(0, new FailedCommand(block.line() + 1, 127, "ssh host")));
		assertThat(judged.report().status()).isEqualTo(BlockStatus.FAILED);
		assertThat(judged.report().message())
			.isEqualTo("stopped at its first failed command, plan.md:" + (block.line() + 1)
					+ ": `ssh host` exited 127 (command not found)");
	}

	@Test
	void withErrexitFalseFailuresMakeItSucceededWithFailuresNeverAPlainSuccess() {
		Block block = Runbooks.runbook().block("1.1", "check", "a\nb\necho ok", "errexit=false").build()
			.executableBlocks().get(0);
		BlockExecution.Judged judged = judge(block, completed(0, new FailedCommand(block.line() + 1, 127, ""),
				new FailedCommand(block.line() + 2, 1, "b")));
		assertThat(judged.report().status()).isEqualTo(BlockStatus.SUCCEEDED_WITH_FAILURES);
		assertThat(judged.report().message()).startsWith("succeeded with 2 failed commands: plan.md:"
				+ (block.line() + 1) + ": `a` exited 127 (command not found); ");
		assertThat(judged.failures()).extracting(f -> f.command()).containsExactly("a", "b");
		assertThat(BlockStatus.SUCCEEDED_WITH_FAILURES.isSettled()).isTrue();
	}

	@Test
	void withoutFailedCommandsAnUnacceptedFinalStatusStillFails() {
		Block block = Runbooks.runbook().block("1.1", "check", "[ -f x ] && echo y").build().executableBlocks().get(0);
		assertThat(judge(block, completed(1)).report().status()).isEqualTo(BlockStatus.FAILED);
		assertThat(judge(block, completed(0)).report().status()).isEqualTo(BlockStatus.SUCCEEDED);
	}

}
