package dev.runbookshell.targets;

/**
 * What a transport (local process, SSH connection, Docker engine) gives the shared shell protocol of
 * {@link SentinelShellSession}: a way to start a shell, a way to run a short side command next to it (to signal
 * its children), and whether the connection still stands.
 */
public interface ShellTransport extends AutoCloseable {

	/**
	 * Starts a shell running {@code command} (POSIX sh syntax) with stdin attached.
	 * @throws TargetException CONNECT when the target is gone, EXEC when the shell cannot be started
	 */
	ShellProcess start(String command, ShellOutput output) throws TargetException;

	/**
	 * Runs {@code script} with {@code sh -c} next to the shell (another process, exec channel or docker exec) and
	 * waits for it, a few seconds at most. Used to signal the processes of a running block.
	 */
	void runSideCommand(String script) throws TargetException;

	/**
	 * Runs {@code script} like {@link #runSideCommand} and returns what it printed on stdout (a line or two).
	 * @throws TargetException when it cannot run
	 */
	String query(String script) throws TargetException;

	/** False when the connection or container is gone, so a shell that ended did not simply exit. */
	boolean isConnected();

	/**
	 * Why the connection was lost, when the transport knows ({@code no answer to 4 keep-alives 5 s apart}); null
	 * otherwise.
	 */
	default String lossCause() {
		return null;
	}

	/** Connects again after the connection was lost. */
	void reconnect() throws TargetException;

	/** How messages name this target: {@code local}, {@code deploy@db1:22}, {@code container web (3f2a...)}. */
	String describe();

	/** See {@link TargetSession#fingerprint()}. */
	String fingerprint();

	/** Whether shells here start as login shells (SSH: profile and PATH as in a terminal). */
	default boolean loginShell() {
		return false;
	}

	@Override
	void close();

}
