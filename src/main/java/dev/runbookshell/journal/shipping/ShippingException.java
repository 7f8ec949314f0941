package dev.runbookshell.journal.shipping;

/**
 * A problem with shipping a journal off the machine, or with rebuilding one from its shipped copy: a destination
 * that is not a syslog or file URI, a shipped file that holds no journal. The message names the URI or file.
 */
public class ShippingException extends RuntimeException {

	public ShippingException(String message) {
		super(message);
	}

	public ShippingException(String message, Throwable cause) {
		super(message, cause);
	}

}
