package dev.runbookshell.journal.signing;

/**
 * Any failure to sign a journal or to check its signature: a key that cannot be read or used, an agent that does
 * not sign, a signature file that is not an SSH signature, an allowed_signers line that cannot be parsed. The
 * message names the file (and line) or the key.
 */
public class SigningException extends RuntimeException {

	public SigningException(String message) {
		super(message);
	}

	public SigningException(String message, Throwable cause) {
		super(message, cause);
	}

}
