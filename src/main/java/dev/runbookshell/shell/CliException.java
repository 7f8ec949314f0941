package dev.runbookshell.shell;

/**
 * A failure that ends a command with a one-line message and a documented exit code. Thrown by commands,
 * turned into output only by {@link CommandDispatcher}.
 */
public class CliException extends RuntimeException {

	private final ExitCode exitCode;

	public CliException(ExitCode exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	public CliException(ExitCode exitCode, String message, Throwable cause) {
		super(message, cause);
		this.exitCode = exitCode;
	}

	public static CliException usage(String message) {
		return new CliException(ExitCode.USAGE, message);
	}

	public static CliException failed(String message) {
		return new CliException(ExitCode.FAILED, message);
	}

	public static CliException target(String message, Throwable cause) {
		return new CliException(ExitCode.TARGET, message, cause);
	}

	public ExitCode exitCode() {
		return this.exitCode;
	}

}
