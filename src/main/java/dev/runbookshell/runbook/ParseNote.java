package dev.runbookshell.runbook;

/**
 * Something the parser tolerated but an operator should hear about: lint turns these into findings.
 *
 * @param kind what was tolerated
 * @param line 1-based line in the file
 * @param message one line naming the offending text
 */
public record ParseNote(Kind kind, int line, String message) {

	/** What the parser tolerated. */
	public enum Kind {

		/** A fence without a closing fence: the block runs to the end of its container. */
		UNCLOSED_FENCE,
		/** Info-string text after the language that is not a valid annotation. */
		BAD_ANNOTATION,
		/** A {@code name=} annotation already used by an earlier block; the later one got a suffix. */
		DUPLICATE_NAME

	}

}
