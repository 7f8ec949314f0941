package dev.runbookshell.testsupport;

/**
 * How often a test looks again for the event it waits for (output, a file, a process, a screen), always within a
 * deadline of its own: short, so that a test ends soon after the event, and never a guess at how long it takes.
 */
public final class Poll {

	/** Milliseconds between two looks. */
	public static final long MILLIS = 50;

	private Poll() {
	}

}
