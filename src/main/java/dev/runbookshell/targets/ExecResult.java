package dev.runbookshell.targets;

import java.time.Duration;

/**
 * How a block ended.
 *
 * @param outcome completed, timed out, interrupted, shell exited, or connection lost
 * @param exitCode the block's exit status; null when unknown (connection lost)
 * @param duration wall time from sending the block to its end
 * @param freshShell true when a new shell had to be started before this block (state of earlier blocks lost)
 * @param message a one-line explanation for anything but a plain completion, else null
 */
public record ExecResult(Outcome outcome, Integer exitCode, Duration duration, boolean freshShell, String message) {

	/** The ways a block can end. */
	public enum Outcome {

		/** The block ran to its end; see the exit code. */
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
