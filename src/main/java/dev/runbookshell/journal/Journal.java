package dev.runbookshell.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A journal as read from disk: its entries in order (up to the first bad line, if any), how its hash chain
 * verified, and how many bytes from the start of the file are complete, verified lines.
 */
public record Journal(Path path, List<JournalEntry> entries, ChainStatus verification, long intactBytes) {

	/** The events of one kind, in order. */
	public <T extends JournalEvent> List<T> events(Class<T> kind) {
		List<T> found = new ArrayList<>();
		for (JournalEntry entry : this.entries) {
			if (kind.isInstance(entry.event())) {
				found.add(kind.cast(entry.event()));
			}
		}
		return found;
	}

	/** What the journal says, folded once ({@link JournalFold}). */
	public JournalFold fold() {
		return JournalFold.of(this.entries);
	}

	/** The last entry, or empty for an empty journal. */
	public Optional<JournalEntry> last() {
		return this.entries.isEmpty() ? Optional.empty() : Optional.of(this.entries.get(this.entries.size() - 1));
	}

}
