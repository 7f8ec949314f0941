package dev.runbookshell.runbook;

/**
 * A runbook that cannot be read or parsed: a missing file, a directory, a binary file, invalid front matter.
 * The message names the file and, where known, the line.
 */
public class RunbookParseException extends Exception {

	private final String file;

	private final int line;

	public RunbookParseException(String file, int line, String message) {
		super(line > 0 ? file + ":" + line + ": " + message : file + ": " + message);
		this.file = file;
		this.line = line;
	}

	public RunbookParseException(String file, int line, String message, Throwable cause) {
		this(file, line, message);
		initCause(cause);
	}

	public String file() {
		return this.file;
	}

	/** 1-based line, or 0 when the problem is the file as a whole. */
	public int line() {
		return this.line;
	}

}
