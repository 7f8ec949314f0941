package dev.runbookshell.journal;

import java.nio.file.Path;

/**
 * Any failure to write, read or trust a journal. The message names the file and, when it is about one line, the
 * line: {@code prod.jsonl:12: prev does not match the sha256 of line 11}.
 */
public class JournalException extends RuntimeException {

	public JournalException(String message) {
		super(message);
	}

	public JournalException(String message, Throwable cause) {
		super(message, cause);
	}

	/** A problem with one line of a file. */
	public static JournalException at(Path file, int line, String reason) {
		return new JournalException(file + ":" + line + ": " + reason);
	}

	/** A problem with a whole file, usually I/O. */
	public static JournalException of(Path file, String reason, Throwable cause) {
		return new JournalException(file + ": " + reason, cause);
	}

}
