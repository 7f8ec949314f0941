package dev.runbookshell.journal;

import java.util.Locale;

/** How a block ended, as written in {@code block-finished} events ({@code timed-out} etc.). */
public enum BlockStatus {

	SUCCEEDED, FAILED, SKIPPED, TIMED_OUT, INTERRUPTED, UNKNOWN,
	/** A block that follows output ({@code tail -f}, {@code logs -f}) ended by the operator or its timeout. */
	STOPPED;

	/** The journal spelling: lower case with dashes. */
	public String wire() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static BlockStatus fromWire(String text) {
		return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

	/** Succeeded, skipped or stopped: a resumed run does not run the block again. */
	public boolean isSettled() {
		return this == SUCCEEDED || this == SKIPPED || this == STOPPED;
	}

}
