package dev.runbookshell.journal;

/**
 * Sees every line of a journal, in order, as its exact bytes: first the lines already in the file when it is
 * registered ({@link JournalWriter#addLineListener}), then each new line once it is synced to disk. Signing and
 * shipping are built on it: both need the bytes the hash chain is computed over. Called with the writer's lock
 * held, so an implementation must hand slow work (a network, a signature) to a thread of its own and return at
 * once; what it throws is kept by the writer ({@link JournalWriter#listenerFailure()}), never fails a write.
 */
public interface JournalLineListener extends AutoCloseable {

	/**
	 * @param entry the entry as written (for a line that was there before, as read)
	 * @param line the line's bytes without its newline
	 */
	void lineWritten(JournalEntry entry, byte[] line);

	/** Called once the journal's last line is on disk, before the file is closed. */
	@Override
	default void close() {
	}

}
