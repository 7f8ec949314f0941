package dev.runbookshell.targets;

/** Quoting for text that goes into a POSIX shell command line. */
public final class ShellQuoting {

	private ShellQuoting() {
	}

	/** One single-quoted shell word: nothing inside is expanded or run. */
	public static String singleQuoted(String value) {
		return "'" + insideSingleQuotes(value) + "'";
	}

	/** {@code value} for a place already inside single quotes: each {@code '} ends them, is escaped, reopens them. */
	public static String insideSingleQuotes(String value) {
		return value.replace("'", "'\\''");
	}

}
