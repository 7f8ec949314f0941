package dev.runbookshell.session;

import java.util.Locale;

/** Who answers the session's questions; written as {@code mode} into {@code session-started}. */
public enum SessionMode {

	/** An operator at a terminal. */
	INTERACTIVE,
	/** {@code --yes}: every block runs. */
	YES,
	/** {@code --answers FILE}. */
	ANSWERS,
	/** {@code --replay LOG}: the decisions of an earlier session. */
	REPLAY;

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Nobody at a keyboard: default timeouts apply and nothing may wait for input. */
	public boolean unattended() {
		return this != INTERACTIVE;
	}

}
