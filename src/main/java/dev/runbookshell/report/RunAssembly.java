package dev.runbookshell.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.runbookshell.journal.DecisionChoice;
import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalEntry;
import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.BlockStarted;
import dev.runbookshell.journal.JournalEvent.Check;
import dev.runbookshell.journal.JournalEvent.Decision;
import dev.runbookshell.journal.JournalEvent.Note;
import dev.runbookshell.journal.JournalEvent.SessionFinished;
import dev.runbookshell.journal.JournalEvent.SessionResumed;
import dev.runbookshell.journal.JournalEvent.SessionStarted;
import dev.runbookshell.journal.JournalEvent.VariableSet;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalException;
import dev.runbookshell.journal.SessionStatus;

/** Walks a journal's entries once and gathers them into a {@link Run}. */
final class RunAssembly {

	private final Map<String, Pending> blocks = new LinkedHashMap<>();

	private final List<Check> checks = new ArrayList<>();

	private final List<Run.Timed<Note>> notes = new ArrayList<>();

	private final List<VariableSet> variables = new ArrayList<>();

	private final List<Run.Timed<SessionResumed>> resumes = new ArrayList<>();

	private SessionStarted started;

	/** Null while the session is unfinished. */
	private SessionStatus result;

	private RunAssembly() {
	}

	static Run assemble(Journal journal) {
		if (journal.verification().isBroken()) {
			throw new JournalException(journal.verification().describe(journal.path()));
		}
		RunAssembly assembly = new RunAssembly();
		journal.entries().forEach(assembly::add);
		Instant start = journal.entries().isEmpty() ? Instant.EPOCH : journal.entries().get(0).at();
		Instant end = journal.last().map(JournalEntry::at).orElse(start);
		// A block the operator stopped at never ran: its stop decision is in the journal, but it has no outcome.
		List<BlockRun> blocks = assembly.blocks.values()
			.stream()
			.filter(pending -> !pending.onlyStopped())
			.map(Pending::toBlockRun)
			.toList();
		return new Run(journal.path(), journal.verification(), assembly.started, start, end, assembly.result, blocks,
				List.copyOf(assembly.checks), List.copyOf(assembly.notes), List.copyOf(assembly.variables),
				List.copyOf(assembly.resumes), journal.entries().size());
	}

	private void add(JournalEntry entry) {
		JournalEvent event = entry.event();
		if (event instanceof SessionStarted s) {
			if (this.started == null) {
				this.started = s;
			}
		}
		else if (event instanceof Decision d) {
			block(d.block()).decisions.add(d);
		}
		else if (event instanceof BlockStarted s) {
			block(s.block()).attempts.add(new BlockRun.Attempt(s.command(), entry.at(), null, null));
		}
		else if (event instanceof BlockFinished f) {
			finish(block(f.block()), f, entry.at());
		}
		else if (event instanceof Note n) {
			if (n.block() != null) {
				block(n.block()).notes.add(n);
			}
			else {
				this.notes.add(new Run.Timed<>(entry.at(), n));
			}
		}
		else if (event instanceof Check c) {
			this.checks.add(c);
		}
		else if (event instanceof VariableSet v) {
			this.variables.add(v);
		}
		else if (event instanceof SessionResumed r) {
			this.resumes.add(new Run.Timed<>(entry.at(), r));
			// a resumed session is unfinished again until it says otherwise
			this.result = null;
		}
		else if (event instanceof SessionFinished f) {
			this.result = f.status();
		}
	}

	private static void finish(Pending block, BlockFinished finished, Instant at) {
		int last = block.attempts.size() - 1;
		if (last >= 0 && block.attempts.get(last).finished() == null) {
			BlockRun.Attempt open = block.attempts.get(last);
			block.attempts.set(last, new BlockRun.Attempt(open.command(), open.startedAt(), finished, at));
		}
		else {
			// finished without a start: a skip, or an in-flight block marked unknown on resume
			Instant startedAt = finished.status() == dev.runbookshell.journal.BlockStatus.SKIPPED ? null
					: at.minusMillis(finished.durationMs());
			block.attempts.add(new BlockRun.Attempt(null, startedAt, finished, at));
		}
		block.ref = finished.block();
	}

	private Pending block(BlockRef ref) {
		Pending pending = this.blocks.computeIfAbsent(ref.id(), id -> new Pending(ref));
		pending.ref = ref;
		return pending;
	}

	private static final class Pending {

		private BlockRef ref;

		private final List<Decision> decisions = new ArrayList<>();

		private final List<BlockRun.Attempt> attempts = new ArrayList<>();

		private final List<Note> notes = new ArrayList<>();

		Pending(BlockRef ref) {
			this.ref = ref;
		}

		boolean onlyStopped() {
			return this.attempts.isEmpty() && !this.decisions.isEmpty()
					&& this.decisions.stream().allMatch(d -> d.choice() == DecisionChoice.STOP);
		}

		BlockRun toBlockRun() {
			String id = this.ref.id();
			int dot = id.lastIndexOf('.');
			String section = dot < 0 ? "" : id.substring(0, dot);
			return new BlockRun(this.ref, section, List.copyOf(this.decisions), List.copyOf(this.attempts),
					List.copyOf(this.notes));
		}

	}

}
