package dev.runbookshell.fleet;

import java.util.Locale;

/** Where one host of a fleet stands; in the fleet index as {@link #wire()}. */
public enum HostState {

	/** Its batch has not started (or the fleet stopped before it). */
	NOT_RUN,
	/** Its session is running. */
	RUNNING,
	/** Every block of the flow succeeded or was skipped. */
	SUCCEEDED,
	/** A block failed (or timed out); the host took no further blocks. */
	FAILED,
	/** The connection dropped (or the container died) during a block: its outcome is unknown. */
	UNKNOWN,
	/** The target could not be opened. */
	UNREACHABLE,
	/** Stopped by a decision before the end, nothing failed. */
	STOPPED,
	/** Stopped by Ctrl-C or a signal. */
	INTERRUPTED,
	/** Its session was refused before it started (a journal that does not match, a missing value). */
	REFUSED;

	public String wire() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static HostState fromWire(String text) {
		return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
	}

	/** Counts against {@code --max-fail}, and is taken by {@code --retry-failed}. */
	public boolean failed() {
		return this == FAILED || this == UNKNOWN || this == UNREACHABLE || this == INTERRUPTED || this == REFUSED;
	}

	/** Has nothing left to do: {@code --resume} of the fleet leaves it alone. */
	public boolean done() {
		return this == SUCCEEDED;
	}

}
