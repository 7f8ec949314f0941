package dev.runbookshell.session;

import java.util.Locale;
import java.util.Map;

/**
 * How a session ended.
 *
 * @param status the overall status
 * @param counts blocks by status ({@code succeeded}, {@code failed}, ..., {@code not-run})
 * @param journal where the journal is
 */
public record SessionResult(Status status, Map<String, Integer> counts, String journal) {

	/** The overall status written into {@code session-finished}. */
	public enum Status {

		/** Every block of the flow succeeded or was skipped. */
		SUCCEEDED,
		/** A block failed, timed out or ended unknown (even when the operator ignored it). */
		FAILED,
		/** Stopped by a decision before the end, nothing failed. */
		STOPPED,
		/** Stopped because the operator interrupted a block. */
		INTERRUPTED;

		public String wire() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
