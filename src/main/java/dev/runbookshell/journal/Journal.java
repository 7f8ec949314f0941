package dev.runbookshell.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.BlockStarted;
import dev.runbookshell.journal.JournalEvent.Decision;
import dev.runbookshell.journal.JournalEvent.SessionFinished;
import dev.runbookshell.journal.JournalEvent.SessionStarted;

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

	/** The first {@code session-started}: which runbook, target and operator. */
	public Optional<SessionStarted> sessionStarted() {
		return events(SessionStarted.class).stream().findFirst();
	}

	/** The last {@code session-finished}, if the session ended cleanly. */
	public Optional<SessionFinished> sessionFinished() {
		List<SessionFinished> finished = events(SessionFinished.class);
		return finished.isEmpty() ? Optional.empty() : Optional.of(finished.get(finished.size() - 1));
	}

	/** The last {@code block-finished} of each block, in the order blocks first finished. */
	public Map<String, BlockFinished> lastOutcomeByBlockId() {
		Map<String, BlockFinished> outcomes = new LinkedHashMap<>();
		for (BlockFinished finished : events(BlockFinished.class)) {
			outcomes.put(finished.block().id(), finished);
		}
		return outcomes;
	}

	/** Every decision taken on each block, in order. */
	public Map<String, List<Decision>> decisionsByBlockId() {
		Map<String, List<Decision>> decisions = new LinkedHashMap<>();
		for (Decision decision : events(Decision.class)) {
			decisions.computeIfAbsent(decision.block().id(), id -> new ArrayList<>()).add(decision);
		}
		return decisions;
	}

	/**
	 * Blocks with a {@code block-started} and no {@code block-finished} after it: what was running when the
	 * process died. Their outcome is unknown.
	 */
	public List<BlockRef> inFlightBlocks() {
		Map<String, BlockRef> running = new LinkedHashMap<>();
		for (JournalEntry entry : this.entries) {
			if (entry.event() instanceof BlockStarted started) {
				running.put(started.block().id(), started.block());
			}
			else if (entry.event() instanceof BlockFinished finished) {
				running.remove(finished.block().id());
			}
		}
		return List.copyOf(running.values());
	}

	/** The last entry, or empty for an empty journal. */
	public Optional<JournalEntry> last() {
		return this.entries.isEmpty() ? Optional.empty() : Optional.of(this.entries.get(this.entries.size() - 1));
	}

}
