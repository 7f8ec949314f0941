package dev.runbookshell.session;

import java.util.Map;

import dev.runbookshell.journal.SessionStatus;

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
		SUCCEEDED(SessionStatus.SUCCEEDED),
		/** A block failed, timed out or ended unknown (even when the operator ignored it). */
		FAILED(SessionStatus.FAILED),
		/** Stopped by a decision before the end, nothing failed. */
		STOPPED(SessionStatus.STOPPED),
		/** Stopped because the operator interrupted a block. */
		INTERRUPTED(SessionStatus.INTERRUPTED);

		private final SessionStatus recorded;

		Status(SessionStatus recorded) {
			this.recorded = recorded;
		}

		/** As the journal records it. */
		public SessionStatus recorded() {
			return this.recorded;
		}

		public String wire() {
			return this.recorded.wire();
		}

	}

}
