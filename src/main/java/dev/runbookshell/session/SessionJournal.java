package dev.runbookshell.session;

import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalEvent.BlockRef;

/**
 * The migration journal as the engine writes it: events appended and synced as they happen, and each block's
 * output captured (capped in the event, whole in a side file). Everything handed in is already masked; the
 * journal masks the registered secrets once more as a second line of defence.
 */
public interface SessionJournal extends AutoCloseable {

	void append(JournalEvent event);

	/** Starts capturing a block's (masked) output. */
	Capture capture(BlockRef block);

	/** A value that must never reach the journal unmasked. */
	void addSecret(String value);

	/** Where the journal is, for messages ({@code migration-logs/2026-...jsonl}). */
	String location();

	@Override
	void close();

	/** One block's output on its way into the journal. */
	interface Capture {

		void write(byte[] buffer, int offset, int length);

		/** Ends the capture: the text for the event (capped) and the side file holding all of it, or null. */
		Captured finish();

	}

	/**
	 * A block's output as recorded.
	 * @param output the masked output for the event, at most 64 KiB
	 * @param outputFile the side file with the whole output, relative to the journal's folder, or null
	 */
	record Captured(String output, String outputFile) {
	}

}
