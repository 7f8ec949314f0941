package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;

/**
 * Which blocks undo what a session did: the blocks paired with the succeeded blocks, newest first (a flow block
 * annotated {@code rollback=NAME} names its undo block; a rollback-section block annotated {@code rollback=NAME}
 * names the block it undoes); when no succeeded block names one, the rollback section's blocks in document order; nothing when
 * no block succeeded.
 */
public final class RollbackPlan {

	private RollbackPlan() {
	}

	public static List<Block> plan(Runbook runbook, List<Block> succeededInOrder) {
		if (succeededInOrder.isEmpty()) {
			return List.of();
		}
		Set<Block> paired = new LinkedHashSet<>();
		for (int i = succeededInOrder.size() - 1; i >= 0; i--) {
			Block done = succeededInOrder.get(i);
			if (done.rollback()) {
				continue;
			}
			Optional<Block> undo = done.annotations().rollbackBlock().flatMap(runbook::find);
			undo.ifPresent(paired::add);
			// the other way round: a rollback block that names the block it undoes
			for (Block candidate : runbook.executableBlocks()) {
				String names = candidate.annotations().rollbackBlock().orElse(null);
				if (candidate.rollback() && (done.name().equals(names) || done.id().equals(names))) {
					paired.add(candidate);
				}
			}
		}
		if (!paired.isEmpty()) {
			return new ArrayList<>(paired);
		}
		if (succeededInOrder.stream().allMatch(Block::rollback)) {
			return List.of();
		}
		return runbook.executableBlocks().stream().filter(Block::rollback).toList();
	}

}
