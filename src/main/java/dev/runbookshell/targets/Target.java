package dev.runbookshell.targets;

/**
 * A place where blocks run: the local machine, an SSH host or a Docker container. A target is only a
 * description; {@link #open} connects and starts the one long-lived shell that all blocks of a session share.
 */
public interface Target {

	/** The name the operator uses ({@code local}, {@code prod}, or the URI itself). */
	String name();

	/** The URI, e.g. {@code ssh://deploy@db1:22} ({@code local} for the local machine). */
	String uri();

	/**
	 * Connects, verifies and authenticates, and starts the shell.
	 * @param prompts how to ask the operator (host key acceptance, passwords); unattended callers pass one that
	 * refuses
	 * @throws TargetException with reason CONNECT, AUTH or HOST_KEY when the target cannot be used
	 */
	TargetSession open(TargetPrompts prompts) throws TargetException;

}
