package dev.runbookshell.report;

import java.time.Instant;
import java.util.List;

import dev.runbookshell.journal.DecisionChoice;
import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalEntry;
import dev.runbookshell.journal.JournalException;
import dev.runbookshell.journal.JournalFold;

/** Gathers a journal's {@link JournalFold} into a {@link Run}. */
final class RunAssembly {

	private RunAssembly() {
	}

	static Run assemble(Journal journal) {
		if (journal.verification().isBroken()) {
			throw new JournalException(journal.verification().describe(journal.path()));
		}
		JournalFold fold = journal.fold();
		Instant start = journal.entries().isEmpty() ? Instant.EPOCH : journal.entries().get(0).at();
		Instant end = journal.last().map(JournalEntry::at).orElse(start);
		// A block the operator stopped at never ran: its stop decision is in the journal, but it has no outcome.
		List<BlockRun> blocks = fold.blocks()
			.stream()
			.filter(trail -> !onlyStopped(trail))
			.map(RunAssembly::blockRun)
			.toList();
		return new Run(journal.path(), journal.verification(), fold.started(), start, end, fold.status(), blocks,
				fold.checks(), fold.notes(), fold.variables(), fold.resumes(), journal.entries().size());
	}

	private static boolean onlyStopped(JournalFold.BlockTrail trail) {
		return trail.attempts().isEmpty() && !trail.decisions().isEmpty()
				&& trail.decisions().stream().allMatch(d -> d.choice() == DecisionChoice.STOP);
	}

	private static BlockRun blockRun(JournalFold.BlockTrail trail) {
		String id = trail.ref().id();
		int dot = id.lastIndexOf('.');
		String section = dot < 0 ? "" : id.substring(0, dot);
		return new BlockRun(trail.ref(), section, trail.decisions(), trail.attempts(), trail.notes());
	}

}
