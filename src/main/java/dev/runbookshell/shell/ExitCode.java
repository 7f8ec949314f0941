package dev.runbookshell.shell;

/** The documented process exit codes of {@code runbook}. */
public enum ExitCode {

	/** Everything that was asked for was done. */
	OK(0),
	/** A block failed (or a report found a broken journal). */
	FAILED(1),
	/** Bad input or usage: a missing file, an unknown option, invalid front matter, a refused replay. */
	USAGE(2),
	/** The target could not be reached, authenticated or verified. */
	TARGET(3),
	/** The operator interrupted the run. */
	INTERRUPTED(130);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
