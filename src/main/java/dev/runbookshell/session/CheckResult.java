package dev.runbookshell.session;

import dev.runbookshell.journal.CheckState;

/**
 * The operator's answer to a checklist item.
 *
 * @param state checked, unchecked or unverified
 * @param note free text, or null
 */
public record CheckResult(State state, String note) {

	public static final CheckResult UNVERIFIED = new CheckResult(State.UNVERIFIED, null);

	/** Whether the operator confirmed the check. */
	public enum State {

		CHECKED(CheckState.CHECKED), UNCHECKED(CheckState.UNCHECKED), UNVERIFIED(CheckState.UNVERIFIED);

		private final CheckState recorded;

		State(CheckState recorded) {
			this.recorded = recorded;
		}

		/** As the journal records it. */
		public CheckState recorded() {
			return this.recorded;
		}

		public String wire() {
			return this.recorded.wire();
		}

	}

}
