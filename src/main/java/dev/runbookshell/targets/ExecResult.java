package dev.runbookshell.targets;

import java.time.Duration;
import java.util.List;

/**
 * How a block ended.
 *
 * @param outcome completed, timed out, interrupted, shell exited, or connection lost
 * @param exitCode the block's exit status (the failed command's when it stopped there); null when unknown
 * @param duration wall time from sending the block to its end
 * @param freshShell true when a new shell had to be started before this block (state of earlier blocks lost)
 * @param message a one-line explanation for anything but a plain completion, else null
 * @param failedCommands the block's failed commands in the order they failed (at most {@link #KEPT_FAILURES})
 * @param failedCount how many commands failed in all
 * @param shellState the shell's state at the block's end, or null when the shell did not report it
 */
public record ExecResult(Outcome outcome, Integer exitCode, Duration duration, boolean freshShell, String message,
		List<FailedCommand> failedCommands, int failedCount, ShellState shellState) {

	/** Failed commands kept per block; the count goes on. */
	public static final int KEPT_FAILURES = 100;

	public ExecResult {
		failedCommands = List.copyOf(failedCommands);
	}

	public ExecResult(Outcome outcome, Integer exitCode, Duration duration, boolean freshShell, String message) {
		this(outcome, exitCode, duration, freshShell, message, List.of(), 0, null);
	}

	/** The ways a block can end. */
	public enum Outcome {

		/** The block ran to its end, or to its first failed command; see the exit code and failed commands. */
		COMPLETED,
		/** The block ended the shell itself ({@code exit}); the exit code is the shell's. */
		SHELL_EXITED,
		/** The timeout passed; the block's processes were interrupted. */
		TIMED_OUT,
		/** The operator interrupted the block. */
		INTERRUPTED,
		/** The connection or container went away while the block ran: its effect is unknown. */
		CONNECTION_LOST

	}

}
