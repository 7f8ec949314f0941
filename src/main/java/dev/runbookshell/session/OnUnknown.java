package dev.runbookshell.session;

import java.util.Locale;

/**
 * What an unattended session does with a block whose outcome is unknown (it was running when the previous run
 * ended, or the connection was lost while it ran): {@code --rerun-unknown}, or {@code on-unknown:} in the answers
 * file. At a terminal the operator is asked instead.
 */
public enum OnUnknown {

	/** Run it again. */
	RERUN,
	/** Go on with the next block; it stays unknown, so the session counts as failed. */
	SKIP,
	/** Stop before it (exit 1), naming the block and the option that would run it. */
	STOP;

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
