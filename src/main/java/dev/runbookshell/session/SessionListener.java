package dev.runbookshell.session;

import java.time.Duration;
import java.util.List;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEvent.ExpectationResult;
import dev.runbookshell.runbook.Block;

/**
 * Where the engine reports progress: the one-shot command prints it, the interactive shell draws it on the
 * terminal, tests collect it. Output arrives masked, on the target's reader threads.
 */
public interface SessionListener {

	/** A block is about to be offered (and maybe run). */
	void blockHeader(BlockPrompt block);

	/** Masked output of the running block, stdout and stderr as they came (one stream, as in a terminal). */
	void output(byte[] buffer, int offset, int length);

	/** How often {@link #elapsed} is called while a block runs; null for never. */
	default Duration tickInterval() {
		return null;
	}

	/** The running block has taken {@code elapsed} so far. */
	default void elapsed(Block block, Duration elapsed) {
	}

	void blockFinished(BlockReport report);

	void warning(String text);

	void message(String text);

	/**
	 * How one run of a block ended.
	 *
	 * @param block the block
	 * @param status its status
	 * @param exitCode the exit code, or null
	 * @param duration how long it ran
	 * @param expectations the expectation results
	 * @param message why it did not succeed, or null
	 */
	record BlockReport(Block block, BlockStatus status, Integer exitCode, Duration duration,
			List<ExpectationResult> expectations, String message) {

		public BlockReport {
			expectations = List.copyOf(expectations);
		}

	}

}
