package dev.runbookshell.journal;

import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

/**
 * How a block ended, as written in {@code block-finished} events ({@code timed-out} etc.).
 * {@code succeeded-with-failures} is a block annotated {@code errexit=false} that ran to its end while some of its
 * commands failed: never a plain success, but done, so a resumed run does not run it again.
 */
@EnumNaming(EnumNamingStrategies.KebabCaseStrategy.class)
public enum BlockStatus implements WireName {

	SUCCEEDED, SUCCEEDED_WITH_FAILURES, FAILED, SKIPPED, TIMED_OUT, INTERRUPTED, UNKNOWN,
	/** A block that follows output ({@code tail -f}, {@code logs -f}) ended by the operator or its timeout. */
	STOPPED,
	/**
	 * Decided on but never started (the session was refused or ended before it): what a report says of such a
	 * block, never written in a {@code block-finished}.
	 */
	NOT_RUN;

	/** Succeeded (with or without failed commands), skipped or stopped: a resumed run does not run it again. */
	public boolean isSettled() {
		return ranToEnd() || this == SKIPPED || this == STOPPED;
	}

	/** Succeeded, with or without failed commands: the block ran to its end and the walk goes on after it. */
	public boolean ranToEnd() {
		return this == SUCCEEDED || this == SUCCEEDED_WITH_FAILURES;
	}

}
