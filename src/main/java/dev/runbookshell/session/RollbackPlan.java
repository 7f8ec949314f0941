package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;

/**
 * What would undo what a session did: the rollback steps ({@link RollbackScopes}) of the flow blocks that ran
 * (whatever their outcome: a failed block may have changed something), newest first; a rollback block that
 * succeeded after the last run of a block it undoes is not offered for it again. Nothing when nothing ran.
 */
public final class RollbackPlan {

	private final Runbook runbook;

	private final RollbackScopes scopes;

	/** Flow block id to the moment of its last run. */
	private final Map<String, Long> ranAt = new LinkedHashMap<>();

	/** Rollback block id to the moment it last succeeded. */
	private final Map<String, Long> undoneAt = new HashMap<>();

	private long clock;

	RollbackPlan(Runbook runbook) {
		this.runbook = runbook;
		this.scopes = RollbackScopes.of(runbook);
	}

	/**
	 * The rollback steps to offer once {@code ranInOrder} (flow blocks) have run, in that order: for exporters,
	 * which plan a rollback before anything runs.
	 */
	public static List<Block> plan(Runbook runbook, List<Block> ranInOrder) {
		RollbackPlan plan = new RollbackPlan(runbook);
		ranInOrder.forEach(block -> plan.settled(block, BlockStatus.SUCCEEDED, true));
		return plan.steps();
	}

	/** The flow blocks whose rollback steps include {@code step}: a step is offered once one of them ran. */
	public static List<Block> undoneBy(Runbook runbook, Block step) {
		RollbackScopes scopes = RollbackScopes.of(runbook);
		return runbook.flowBlocks().stream().filter(block -> scopes.stepsFor(block).contains(step)).toList();
	}

	/** Notes how a block ended; {@code started} is false when nothing of it ran (skipped, stopped before it began). */
	void settled(Block block, BlockStatus status, boolean started) {
		this.clock++;
		if (!started || status == BlockStatus.SKIPPED) {
			return;
		}
		if (!block.rollback()) {
			this.ranAt.put(block.id(), this.clock);
		}
		else if (status == BlockStatus.SUCCEEDED) {
			this.undoneAt.put(block.id(), this.clock);
		}
	}

	/** The rollback blocks to offer now, in the order they would run. */
	List<Block> steps() {
		List<Map.Entry<String, Long>> ran = new ArrayList<>(this.ranAt.entrySet());
		ran.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
		Set<Block> plan = new LinkedHashSet<>();
		for (Map.Entry<String, Long> entry : ran) {
			Block done = this.runbook.find(entry.getKey()).orElse(null);
			if (done == null) {
				continue;
			}
			for (Block step : this.scopes.stepsFor(done)) {
				if (this.undoneAt.getOrDefault(step.id(), -1L) < entry.getValue()) {
					plan.add(step);
				}
			}
		}
		return List.copyOf(plan);
	}

}
