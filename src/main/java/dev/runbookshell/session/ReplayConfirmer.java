package dev.runbookshell.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.SecretMasker;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;

/**
 * {@code --replay LOG}: takes, for each block, the decisions recorded for the same block id in an earlier
 * session (typically a rehearsal), in the order they were taken: skips, edited texts, retries, ignores. A block
 * that the earlier session never reached stops the replay (exit 2), naming it; checklist items are recorded as
 * unverified (a replay cannot tick a manual check). The runbook and target checks are {@link JournalHistory}'s.
 */
public final class ReplayConfirmer extends AutoConfirmer {

	private static final Set<Decision.Choice> BEFORE = Set.of(Decision.Choice.RUN, Decision.Choice.SKIP,
			Decision.Choice.EDIT, Decision.Choice.ALL, Decision.Choice.STOP);

	private final JournalHistory history;

	private final Map<String, Deque<Decision>> remaining = new HashMap<>();

	public ReplayConfirmer(JournalHistory history) {
		this.history = history;
	}

	public JournalHistory history() {
		return this.history;
	}

	/**
	 * Refuses at once when a block of {@code flow} has no recorded decision and the recorded session did not
	 * stop before it, or when one of its recorded edits cannot be replayed (it held a secret).
	 */
	public void checkCovers(List<Block> flow) {
		for (Block block : flow) {
			List<JournalEvent.Decision> recorded = this.history.decisions(block.id());
			if (recorded.isEmpty()) {
				throw notReached(block);
			}
			recorded.forEach(d -> replayable(block, decision(d)));
			if (recorded.stream().anyMatch(d -> d.choice().equals("stop"))) {
				return;
			}
		}
	}

	@Override
	public SessionMode mode() {
		return SessionMode.REPLAY;
	}

	@Override
	public Decision beforeBlock(BlockPrompt prompt) {
		Deque<Decision> queue = queue(prompt.block());
		while (!queue.isEmpty()) {
			Decision next = queue.poll();
			if (BEFORE.contains(next.choice())) {
				return replayable(prompt.block(), next);
			}
		}
		throw notReached(prompt.block());
	}

	@Override
	public Decision afterFailure(FailurePrompt prompt) {
		Deque<Decision> queue = queue(prompt.block());
		Decision next = queue.peek();
		if (next == null || (BEFORE.contains(next.choice()) && next.choice() != Decision.Choice.STOP)) {
			return Decision.STOP; // the recorded session did not fail here: stop rather than guess
		}
		queue.poll();
		if (next.choice() == Decision.Choice.ROLLBACK && !prompt.rollbackAvailable()) {
			return Decision.STOP;
		}
		return replayable(prompt.block(), next);
	}

	/**
	 * An edit whose text held a secret was logged with the secret masked: sending that text would run something
	 * the operator never typed, so the replay stops before the block instead.
	 */
	private Decision replayable(Block block, Decision decision) {
		if (decision.choice() == Decision.Choice.EDIT && decision.text() != null
				&& decision.text().contains(SecretMasker.MASK)) {
			throw new SessionRefusedException("the edit of block " + block.label() + " recorded in "
					+ this.history.location() + " contained a secret value, which logs never keep: replaying it would "
					+ "send " + SecretMasker.MASK + "; put the edit in the runbook with the variable instead, or "
					+ "replay with --to before this block");
		}
		return decision;
	}

	@Override
	public boolean confirmRollback(List<Block> plan) {
		return plan.stream().anyMatch(b -> !this.history.decisions(b.id()).isEmpty());
	}

	@Override
	public CheckResult check(ChecklistItem item) {
		return new CheckResult(CheckResult.State.UNVERIFIED, "replay of " + this.history.location());
	}

	private Deque<Decision> queue(Block block) {
		return this.remaining.computeIfAbsent(block.id(), id -> {
			Deque<Decision> queue = new ArrayDeque<>();
			for (JournalEvent.Decision recorded : this.history.decisions(id)) {
				queue.add(decision(recorded));
			}
			return queue;
		});
	}

	private static Decision decision(JournalEvent.Decision recorded) {
		return new Decision(Decision.Choice.of(recorded.choice()), recorded.text());
	}

	private SessionRefusedException notReached(Block block) {
		return new SessionRefusedException("block " + block.label() + " has no recorded decision in "
				+ this.history.location() + " (the recorded session never reached it): rehearse it, or limit the "
				+ "replay with --to");
	}

}
