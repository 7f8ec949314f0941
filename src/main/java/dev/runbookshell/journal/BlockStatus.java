package dev.runbookshell.journal;

import java.util.Locale;

/** How a block ended, as written in {@code block-finished} events ({@code timed-out} etc.). */
public enum BlockStatus {

	SUCCEEDED, FAILED, SKIPPED, TIMED_OUT, INTERRUPTED, UNKNOWN;

	/** The journal spelling: lower case with dashes. */
	public String wire() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static BlockStatus fromWire(String text) {
		return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

	/** Succeeded or skipped: a resumed run does not run the block again. */
	public boolean isSettled() {
		return this == SUCCEEDED || this == SKIPPED;
	}

}
