package dev.runbookshell.session;

/**
 * The session cannot start or go on because of its input: a question nobody can answer unattended, a value
 * that does not match its pattern, a replayed or resumed log that no longer matches the runbook or the target.
 * The message names the block or variable and what to pass instead; the shell maps it to exit code 2.
 */
public class SessionRefusedException extends RuntimeException {

	public SessionRefusedException(String message) {
		super(message);
	}

}
