package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.runbookshell.journal.Slug;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.Section;

/**
 * Which rollback blocks undo which flow block, read from the document once:
 * <ul>
 * <li>a flow block annotated {@code rollback=NAME} names its undo block (id or name) or a rollback section (its
 * number or heading); a rollback block annotated {@code rollback=NAME} names the flow block it undoes. Such blocks
 * belong to those blocks only;</li>
 * <li>any other rollback block belongs to its rollback section's scope: a rollback section inside a phase (below a
 * heading that is not a rollback) undoes that phase; a top-level one undoes the top-level phases between the
 * previous rollback section (at any level) and itself, or, when there are none, the phases after it up to the
 * next one.</li>
 * </ul>
 */
final class RollbackScopes {

	private final Map<String, List<Block>> steps = new LinkedHashMap<>();

	private RollbackScopes() {
	}

	static RollbackScopes of(Runbook runbook) {
		RollbackScopes scopes = new RollbackScopes();
		List<Section> roots = roots(runbook);
		Set<Block> claimed = new LinkedHashSet<>();
		Map<String, List<Block>> paired = new LinkedHashMap<>();
		for (Block block : runbook.flowBlocks()) {
			List<Block> own = new ArrayList<>();
			block.annotations().rollbackBlock().ifPresent(name -> own.addAll(named(runbook, roots, name)));
			for (Block candidate : runbook.executableBlocks()) {
				String names = candidate.annotations().rollbackBlock().orElse(null);
				if (candidate.rollback() && (block.name().equals(names) || block.id().equals(names))) {
					own.add(candidate);
				}
			}
			own.stream().filter(Block::rollback).forEach(claimed::add);
			paired.put(block.id(), own);
		}
		for (Block block : runbook.flowBlocks()) {
			Set<Block> all = new LinkedHashSet<>(paired.get(block.id()));
			for (Section root : roots) {
				if (covers(runbook, roots, root, block)) {
					blocksOf(runbook, root).stream().filter(b -> !claimed.contains(b)).forEach(all::add);
				}
			}
			scopes.steps.put(block.id(), List.copyOf(all));
		}
		return scopes;
	}

	/** The rollback steps of {@code block} (a flow block), in the order they are meant to run. */
	List<Block> stepsFor(Block block) {
		return this.steps.getOrDefault(block.id(), List.of());
	}

	/** The rollback sections that are not inside another rollback section, in document order. */
	private static List<Section> roots(Runbook runbook) {
		return runbook.sections().stream()
			.filter(Section::rollback)
			.filter(s -> s.parent() == null || !runbook.section(s.parent()).map(Section::rollback).orElse(false))
			.toList();
	}

	private static List<Block> named(Runbook runbook, List<Section> roots, String name) {
		Optional<Block> block = runbook.find(name);
		if (block.isPresent()) {
			return List.of(block.get());
		}
		for (Section root : roots) {
			String title = root.title();
			String unnumbered = title.replaceFirst("^\\s*\\d+(\\.\\d+)*[.):]?\\s+", "");
			if (name.equals(root.number()) || name.equals(Slug.of(title)) || name.equals(Slug.of(unnumbered))) {
				return blocksOf(runbook, root);
			}
		}
		return List.of();
	}

	private static List<Block> blocksOf(Runbook runbook, Section root) {
		return runbook.executableBlocks().stream().filter(b -> within(b.section(), root.number())).toList();
	}

	private static boolean covers(Runbook runbook, List<Section> roots, Section root, Block block) {
		if (root.parent() != null) {
			return within(block.section(), root.parent());
		}
		Section phase = topLevel(runbook, block.section());
		int phaseLine = phase == null ? 0 : phase.line();
		int previous = roots.stream().filter(r -> r.line() < root.line()).mapToInt(Section::line).max().orElse(-1);
		boolean anyBefore = topLevelPhases(runbook).stream().anyMatch(p -> p < root.line() && p > previous);
		if (anyBefore) {
			return phaseLine > previous && phaseLine < root.line();
		}
		int next = roots.stream().filter(r -> r.line() > root.line()).mapToInt(Section::line).min()
			.orElse(Integer.MAX_VALUE);
		return phaseLine > root.line() && phaseLine < next;
	}

	/** Lines of the top-level sections that are not rollback sections; 0 stands for text before any heading. */
	private static List<Integer> topLevelPhases(Runbook runbook) {
		List<Integer> lines = new ArrayList<>();
		if (runbook.flowBlocks().stream().anyMatch(b -> b.section().equals("0"))) {
			lines.add(0);
		}
		runbook.sections().stream().filter(s -> s.parent() == null && !s.rollback()).forEach(s -> lines.add(s.line()));
		return lines;
	}

	private static Section topLevel(Runbook runbook, String number) {
		Optional<Section> current = runbook.section(number);
		while (current.isPresent() && current.get().parent() != null) {
			current = runbook.section(current.get().parent());
		}
		return current.orElse(null);
	}

	private static boolean within(String section, String ancestor) {
		return section.equals(ancestor) || section.startsWith(ancestor + ".");
	}

}
