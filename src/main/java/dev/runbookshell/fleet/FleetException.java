package dev.runbookshell.fleet;

/** Bad fleet input (a target, an inventory, {@code --serial}, {@code --max-fail}, a fleet index): one line. */
public class FleetException extends RuntimeException {

	public FleetException(String message) {
		super(message);
	}

	public FleetException(String message, Throwable cause) {
		super(message, cause);
	}

}
