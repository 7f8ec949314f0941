package dev.runbookshell.runbook;

/**
 * A value the operator must supply before a block runs.
 *
 * @param token the text as written in the block: {@code <db-host>}, {@code YYYYMMDD}, {@code $NEW_HOST}
 * @param variable the variable the value is stored under: {@code db-host}, {@code YYYYMMDD}, {@code NEW_HOST}
 * @param kind how it was recognised
 */
public record Placeholder(String token, String variable, Kind kind) {

	/** How a placeholder was recognised. */
	public enum Kind {

		/** {@code <name>} in a command. */
		ANGLE,
		/** A date-format token such as {@code YYYYMMDD} or {@code YYYY-MM-DD}. */
		DATE,
		/** A {@code $VAR} defined nowhere: not in front matter, not exported earlier, not in the environment. */
		UNDEFINED_VARIABLE

	}

}
