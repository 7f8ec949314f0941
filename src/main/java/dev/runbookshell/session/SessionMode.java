package dev.runbookshell.session;

import dev.runbookshell.journal.RunMode;

/** Who answers the session's questions; written as {@code mode} into {@code session-started}. */
public enum SessionMode {

	/** An operator at a terminal. */
	INTERACTIVE(RunMode.INTERACTIVE),
	/** {@code --yes}: every block runs. */
	YES(RunMode.YES),
	/** {@code --answers FILE}. */
	ANSWERS(RunMode.ANSWERS),
	/** {@code --replay LOG}: the decisions of an earlier session. */
	REPLAY(RunMode.REPLAY);

	private final RunMode recorded;

	SessionMode(RunMode recorded) {
		this.recorded = recorded;
	}

	/** As the journal records it. */
	public RunMode recorded() {
		return this.recorded;
	}

	/** The journal spelling, as the option names it ({@code --yes}). */
	public String wire() {
		return this.recorded.wire();
	}

	/** Nobody at a keyboard: default timeouts apply and nothing may wait for input. */
	public boolean unattended() {
		return this != INTERACTIVE;
	}

}
