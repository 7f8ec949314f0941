package dev.runbookshell.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.BlockStarted;
import dev.runbookshell.journal.JournalEvent.Check;
import dev.runbookshell.journal.JournalEvent.Decision;
import dev.runbookshell.journal.JournalEvent.Note;
import dev.runbookshell.journal.JournalEvent.SessionFinished;
import dev.runbookshell.journal.JournalEvent.SessionResumed;
import dev.runbookshell.journal.JournalEvent.SessionStarted;
import dev.runbookshell.journal.JournalEvent.ShellSnapshot;
import dev.runbookshell.journal.JournalEvent.VariableSet;

/**
 * What a journal says, gathered in one walk over its entries: the session that started it and each resume, how it
 * ended, every block with its decisions, attempts (a start and, unless the process died meanwhile, its end) and
 * notes, the blocks still in flight, the checks, variables, free notes and the shell's last recorded state. Resume,
 * replay and every report read a journal through this one fold. Not thread-safe while it is built; read-only after.
 */
public final class JournalFold {

	private final Map<String, BlockTrail> blocks = new LinkedHashMap<>();

	private final Map<String, BlockRef> running = new LinkedHashMap<>();

	private final List<Outcome> outcomes = new ArrayList<>();

	private final List<Timed<SessionResumed>> resumes = new ArrayList<>();

	private final List<Check> checks = new ArrayList<>();

	private final List<VariableSet> variables = new ArrayList<>();

	private final List<Timed<Note>> notes = new ArrayList<>();

	private SessionStarted started;

	private SessionStatus status;

	private ShellSnapshot shell;

	private int events;

	private JournalFold() {
	}

	/** Folds {@code entries}, in journal order. */
	public static JournalFold of(List<JournalEntry> entries) {
		JournalFold fold = new JournalFold();
		entries.forEach(fold::add);
		return fold;
	}

	private void add(JournalEntry entry) {
		this.events++;
		JournalEvent event = entry.event();
		if (event instanceof SessionStarted s) {
			if (this.started == null) {
				this.started = s;
			}
		}
		else if (event instanceof Decision d) {
			trail(d.block(), false).decisions.add(d);
		}
		else if (event instanceof BlockStarted s) {
			BlockTrail trail = trail(s.block(), true);
			trail.attempts.add(new Attempt(s.command(), entry.at(), null, null));
			trail.marker = s.marker();
			this.running.remove(s.block().id());
			this.running.put(s.block().id(), s.block());
		}
		else if (event instanceof BlockFinished f) {
			finish(trail(f.block(), true), f, entry.at());
			boolean wasStarted = this.running.remove(f.block().id()) != null;
			this.outcomes.add(new Outcome(f, wasStarted));
			if (f.shell() != null) {
				this.shell = f.shell();
			}
		}
		else if (event instanceof Note n) {
			if (n.block() != null) {
				trail(n.block(), true).notes.add(n);
			}
			else {
				this.notes.add(new Timed<>(entry.at(), n));
			}
		}
		else if (event instanceof Check c) {
			this.checks.add(c);
		}
		else if (event instanceof VariableSet v) {
			this.variables.add(v);
		}
		else if (event instanceof SessionResumed r) {
			this.resumes.add(new Timed<>(entry.at(), r));
			this.status = null; // a resumed session is unfinished again until it says otherwise
		}
		else if (event instanceof SessionFinished f) {
			this.status = f.status();
		}
	}

	private static void finish(BlockTrail trail, BlockFinished finished, Instant at) {
		int last = trail.attempts.size() - 1;
		if (last >= 0 && trail.attempts.get(last).finished() == null) {
			Attempt open = trail.attempts.get(last);
			trail.attempts.set(last, new Attempt(open.command(), open.startedAt(), finished, at));
		}
		else {
			// finished without a start: a skip, or an in-flight block settled on resume
			Instant startedAt = finished.status() == BlockStatus.SKIPPED ? null : at.minusMillis(finished.durationMs());
			trail.attempts.add(new Attempt(null, startedAt, finished, at));
		}
	}

	/** @param latest whether this event's ref is the block as now known (a decision keeps the first one seen) */
	private BlockTrail trail(BlockRef ref, boolean latest) {
		BlockTrail trail = this.blocks.computeIfAbsent(ref.id(), id -> new BlockTrail(ref));
		if (latest) {
			trail.ref = ref;
		}
		return trail;
	}

	/** The first {@code session-started}, or null when the journal has none. */
	public SessionStarted started() {
		return this.started;
	}

	/** The last {@code session-finished} status, or null when the session did not finish (or was resumed since). */
	public SessionStatus status() {
		return this.status;
	}

	/** Each {@code session-resumed}, with its time. */
	public List<Timed<SessionResumed>> resumes() {
		return List.copyOf(this.resumes);
	}

	/** Every block the journal names, in the order it first appears. */
	public List<BlockTrail> blocks() {
		return List.copyOf(this.blocks.values());
	}

	/** The block with {@code id}, or null. */
	public BlockTrail block(String id) {
		return this.blocks.get(id);
	}

	/** Blocks with a {@code block-started} and no {@code block-finished} after it: running when the process died. */
	public List<BlockRef> inFlight() {
		return List.copyOf(this.running.values());
	}

	/** Every {@code block-finished}, in journal order. */
	public List<Outcome> outcomes() {
		return List.copyOf(this.outcomes);
	}

	public List<Check> checks() {
		return List.copyOf(this.checks);
	}

	public List<VariableSet> variables() {
		return List.copyOf(this.variables);
	}

	/** Notes attached to no block, with their times. */
	public List<Timed<Note>> notes() {
		return List.copyOf(this.notes);
	}

	/** The shell's state after the last block that recorded it, or null. */
	public ShellSnapshot shell() {
		return this.shell;
	}

	/** How many events were folded. */
	public int events() {
		return this.events;
	}

	/** An event with the time it was journaled. */
	public record Timed<T>(Instant at, T event) {
	}

	/**
	 * One {@code block-finished}.
	 * @param started whether a {@code block-started} came before it (false: nothing of the block ran)
	 */
	public record Outcome(BlockFinished finished, boolean started) {
	}

	/** One start of a block and, unless the process died meanwhile, its end; a start is null when not journaled. */
	public record Attempt(String command, Instant startedAt, BlockFinished finished, Instant finishedAt) {

		/** When the output was complete: start + duration, or the finish time when the start was not journaled. */
		public Instant endAt() {
			if (this.startedAt != null && this.finished != null) {
				return this.startedAt.plusMillis(this.finished.durationMs());
			}
			return this.finishedAt != null ? this.finishedAt : this.startedAt;
		}

	}

	/** Everything the journal says about one block. */
	public static final class BlockTrail {

		private BlockRef ref;

		private final List<Decision> decisions = new ArrayList<>();

		private final List<Attempt> attempts = new ArrayList<>();

		private final List<Note> notes = new ArrayList<>();

		private JournalEvent.TargetMarker marker;

		private BlockTrail(BlockRef ref) {
			this.ref = ref;
		}

		/** The block as last started or finished (as first decided when it never ran). */
		public BlockRef ref() {
			return this.ref;
		}

		public List<Decision> decisions() {
			return List.copyOf(this.decisions);
		}

		public List<Attempt> attempts() {
			return List.copyOf(this.attempts);
		}

		public List<Note> notes() {
			return List.copyOf(this.notes);
		}

		/** Where the target recorded the block's last start, or null (see {@code block-started}). */
		public JournalEvent.TargetMarker marker() {
			return this.marker;
		}

		/** The last {@code block-finished}, or null. */
		public BlockFinished lastFinished() {
			for (int i = this.attempts.size() - 1; i >= 0; i--) {
				if (this.attempts.get(i).finished() != null) {
					return this.attempts.get(i).finished();
				}
			}
			return null;
		}

	}

}
