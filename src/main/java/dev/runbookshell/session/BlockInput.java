package dev.runbookshell.session;

/** Where what the operator types goes while an interactive block runs: the block's stdin. */
@FunctionalInterface
public interface BlockInput {

	/**
	 * Sends {@code bytes} (a line with its newline) to the running block; waits while the block is still being
	 * started. Safe from any thread.
	 * @return false when the block has ended: nothing was sent
	 */
	boolean send(byte[] bytes);

}
