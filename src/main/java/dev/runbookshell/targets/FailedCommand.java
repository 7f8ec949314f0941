package dev.runbookshell.targets;

/**
 * A command of a block that failed in the sense of bash's ERR trap: it exited non-zero (and not with a code the
 * block accepts) outside an {@code if}/{@code while} test, an {@code &&}/{@code ||} list or a {@code !}. Commands
 * inside {@code ( )}, {@code $( )} and pipelines count through the status of the whole construct.
 *
 * @param line the line as the shell numbered it: the runbook line when the request named its first line
 * @param exitCode the command's exit status (127: command not found)
 * @param command the command text as the shell saw it, or "" when the shell cannot tell (busybox sh)
 */
public record FailedCommand(int line, int exitCode, String command) {

	/** Parses the shell's record: {@code <exit> <line> <command...>}; null when it is not one. */
	static FailedCommand parse(String record) {
		String[] parts = record.split(" ", 3);
		if (parts.length < 2) {
			return null;
		}
		try {
			return new FailedCommand(Integer.parseInt(parts[1]), Integer.parseInt(parts[0]),
					parts.length == 3 ? parts[2].strip() : "");
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
