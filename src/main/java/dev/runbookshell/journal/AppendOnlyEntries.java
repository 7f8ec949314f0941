package dev.runbookshell.journal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The entries a writer has written, kept so that a snapshot of them costs nothing: slots below the size are never
 * written again, and a full array is replaced by a larger copy, so a snapshot (the array and the size it had)
 * stays as it was while entries are appended. The progress listener got a copy of every entry after each block,
 * which made a long run's journal quadratic. Not thread-safe for writers; a snapshot may be read by any thread it
 * was handed to.
 */
final class AppendOnlyEntries {

	private JournalEntry[] array;

	private int size;

	AppendOnlyEntries(List<JournalEntry> existing) {
		this.array = existing.toArray(new JournalEntry[Math.max(16, existing.size() * 2)]);
		this.size = existing.size();
	}

	void add(JournalEntry entry) {
		if (this.size == this.array.length) {
			this.array = Arrays.copyOf(this.array, this.size * 2);
		}
		this.array[this.size++] = entry;
	}

	int size() {
		return this.size;
	}

	JournalEntry get(int index) {
		return this.array[index];
	}

	/** The entries so far, unmodifiable, and unchanged by later appends. */
	List<JournalEntry> snapshot() {
		return new Snapshot(this.array, this.size);
	}

	private static final class Snapshot extends AbstractList<JournalEntry> implements RandomAccess {

		private final JournalEntry[] array;

		private final int size;

		Snapshot(JournalEntry[] array, int size) {
			this.array = array;
			this.size = size;
		}

		@Override
		public JournalEntry get(int index) {
			if (index < 0 || index >= this.size) {
				throw new IndexOutOfBoundsException("index " + index + ", size " + this.size);
			}
			return this.array[index];
		}

		@Override
		public int size() {
			return this.size;
		}

	}

}
