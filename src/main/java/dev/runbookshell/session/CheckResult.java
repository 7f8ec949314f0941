package dev.runbookshell.session;

import java.util.Locale;

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

		CHECKED, UNCHECKED, UNVERIFIED;

		public String wire() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
