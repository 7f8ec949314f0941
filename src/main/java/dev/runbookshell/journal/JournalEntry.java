package dev.runbookshell.journal;

import java.time.Instant;

/**
 * An event as it stands in a journal file: its sequence number, time, the hash of the previous line, and the
 * 1-based line it was read from (0 for one just written).
 */
public record JournalEntry(long seq, Instant at, String prev, JournalEvent event, int line) {
}
