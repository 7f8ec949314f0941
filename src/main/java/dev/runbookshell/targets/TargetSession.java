package dev.runbookshell.targets;

import java.io.Closeable;

/**
 * One long-lived shell on a target. Blocks run one after another in the same shell, so {@code cd},
 * {@code export}, functions and {@code set} options carry over. Not thread-safe except {@link #interrupt()} and
 * {@link #sendInput}, which may be called from any thread while {@link #execute} runs.
 *
 * <p>Lifecycle: {@link Target#open} returns a live session; {@link #execute} may be called any number of times;
 * when a block ends the shell ({@code exit}) the next {@link #execute} first starts a fresh shell; when the
 * connection drops, {@link #reconnect()} must be called first, then the next {@link #execute} runs in a fresh
 * shell ({@link ExecResult#freshShell()} tells the caller that state was lost); {@link #close()} ends the
 * shell and the connection (and removes a throwaway container).
 */
public interface TargetSession extends Closeable {

	/**
	 * Runs one block and streams its output to {@code sink} as it arrives. Returns when the block has ended,
	 * timed out, been interrupted, or the connection was lost: each is an {@link ExecResult.Outcome}, never an
	 * exception.
	 * @throws TargetException only when no shell can be had at all (reason CONNECT, AUTH, HOST_KEY or EXEC)
	 */
	ExecResult execute(ExecRequest request, OutputSink sink) throws TargetException;

	/**
	 * Connects again after a block ended with {@link ExecResult.Outcome#CONNECTION_LOST} and starts a fresh shell;
	 * the next {@link #execute} reports {@link ExecResult#freshShell()}. Until this is called, {@link #execute}
	 * refuses with reason CONNECT, so nothing is ever re-run without the caller deciding to.
	 * @throws TargetException as {@link Target#open} does
	 */
	void reconnect() throws TargetException;

	/** Interrupts the running block (its process group on the target). Safe from any thread; no-op when idle. */
	void interrupt();

	/**
	 * Passes {@code bytes} (what the operator typed: a line with its newline) to the stdin of the running block,
	 * when it was started with {@link ExecRequest#interactive()} and its shell has read all of it. Safe from any
	 * thread while {@link #execute} runs. Nothing sent reaches the shell itself or a later block: what the block
	 * leaves unread is discarded when it ends.
	 * @return false, having sent nothing, when no interactive block is running: idle, a block with stdin from
	 * /dev/null, a block whose shell has not yet read it, or one that has ended
	 */
	default boolean sendInput(byte[] bytes) {
		return false;
	}

	/**
	 * What became of a block an earlier run started on this target and never saw end (that run died): still
	 * running, stopped by the target's watchdog, finished, or not known. Asks the target; changes nothing but
	 * removing the marker of a block that no longer runs.
	 * @throws TargetException when the target cannot be asked
	 */
	default PreviousBlock previousBlock(BlockMarker marker) throws TargetException {
		return PreviousBlock.NOT_KNOWN;
	}

	/**
	 * Re-creates {@code state} (an earlier shell's working directory, exported variables and functions) in this
	 * session's shell before the next block.
	 * @return what could not be restored, one short phrase each ({@code cwd /srv/app (no such folder)}); empty
	 * when everything was
	 * @throws TargetException when no shell can be had
	 */
	default java.util.List<String> restore(ShellState state) throws TargetException {
		return java.util.List.of("the shell's state (this target cannot restore it)");
	}

	/**
	 * What identifies the target's identity for replay checks: {@code SHA256:...} host key fingerprint for SSH,
	 * the container id for Docker, {@code local:<hostname>} locally.
	 */
	String fingerprint();

	/** The shell in use on the target: {@code bash} or {@code sh}. */
	String shell();

	@Override
	void close();

}
