package dev.runbookshell.targets;

/**
 * A target that cannot be used. The message names the host and port (or container) and what went wrong; the
 * reason lets callers choose the exit code.
 */
public class TargetException extends Exception {

	private final Reason reason;

	public TargetException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public TargetException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why a target failed. */
	public enum Reason {

		/** Host unreachable, connection refused, daemon down, container missing. */
		CONNECT,
		/** Authentication refused. */
		AUTH,
		/** Host key unknown and not accepted, or changed. */
		HOST_KEY,
		/** The shell could not be started or died unexpectedly. */
		EXEC,
		/** Connecting took too long. */
		TIMEOUT,
		/** The operator interrupted the connection attempt. */
		INTERRUPTED

	}

}
