package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.Section;

/**
 * Which {@code - [ ]} items are due: an item is asked when the flow passes its position, i.e. before the first
 * flow block below it, or at the end for items below the last block. Items in rollback sections and items
 * already ticked in the file are not asked.
 */
final class ChecklistTracker {

	private final List<ChecklistItem> items = new ArrayList<>();

	private final List<Block> flow;

	/** Each flow block's position in {@link #flow}, by id (a session asks before every block). */
	private final Map<String, Integer> positions = new HashMap<>();

	private final Set<Integer> answered = new HashSet<>();

	ChecklistTracker(Runbook runbook) {
		this.flow = runbook.flowBlocks();
		for (int i = 0; i < this.flow.size(); i++) {
			this.positions.putIfAbsent(this.flow.get(i).id(), i);
		}
		for (ChecklistItem item : runbook.checklists()) {
			boolean inRollback = runbook.section(item.section()).map(Section::rollback).orElse(false);
			if (!item.checked() && !inRollback) {
				this.items.add(item);
			}
		}
	}

	void answered(int line) {
		this.answered.add(line);
	}

	/** Unanswered items between the flow block before {@code block} and {@code block}. */
	List<ChecklistItem> dueBefore(Block block) {
		int index = indexOf(block);
		if (index < 0) {
			return List.of();
		}
		int from = index == 0 ? 0 : this.flow.get(index - 1).line();
		return between(from, block.line());
	}

	/** Unanswered items after {@code last} up to the next flow block (or the end of the document). */
	List<ChecklistItem> dueAfter(Block last) {
		int index = indexOf(last);
		int to = index >= 0 && index + 1 < this.flow.size() ? this.flow.get(index + 1).line() : Integer.MAX_VALUE;
		return between(last.line(), to);
	}

	/** Unanswered items above {@code line}; when there are none, the next one below it. */
	List<ChecklistItem> pending(int line) {
		List<ChecklistItem> due = between(0, line);
		if (!due.isEmpty()) {
			return due;
		}
		return between(line, Integer.MAX_VALUE).stream().limit(1).toList();
	}

	private List<ChecklistItem> between(int fromLine, int toLine) {
		List<ChecklistItem> due = new ArrayList<>();
		for (ChecklistItem item : this.items) {
			if (item.line() > fromLine && item.line() < toLine && !this.answered.contains(item.line())) {
				due.add(item);
			}
		}
		return due;
	}

	private int indexOf(Block block) {
		return this.positions.getOrDefault(block.id(), -1);
	}

}
