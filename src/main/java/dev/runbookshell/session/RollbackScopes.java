package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
		// each step below is one pass over the blocks (or per root), so a long runbook starts without delay
		Map<Section, List<Block>> rootBlocks = new IdentityHashMap<>();
		for (Section root : roots) {
			rootBlocks.put(root, blocksOf(runbook, root));
		}
		List<Block> executable = runbook.executableBlocks();
		Map<String, List<Integer>> undoing = new HashMap<>();
		for (int i = 0; i < executable.size(); i++) {
			Block candidate = executable.get(i);
			int index = i;
			if (candidate.rollback()) {
				candidate.annotations().rollbackBlock()
					.ifPresent(name -> undoing.computeIfAbsent(name, n -> new ArrayList<>()).add(index));
			}
		}
		Set<Block> claimed = new LinkedHashSet<>();
		Map<String, List<Block>> paired = new LinkedHashMap<>();
		for (Block block : runbook.flowBlocks()) {
			List<Block> own = new ArrayList<>();
			block.annotations().rollbackBlock().ifPresent(name -> own.addAll(named(runbook, roots, rootBlocks, name)));
			Set<Integer> undoers = new TreeSet<>(undoing.getOrDefault(block.name(), List.of()));
			undoers.addAll(undoing.getOrDefault(block.id(), List.of()));
			undoers.forEach(i -> own.add(executable.get(i)));
			own.stream().filter(Block::rollback).forEach(claimed::add);
			paired.put(block.id(), own);
		}
		List<Cover> covers = new ArrayList<>();
		List<Integer> phases = topLevelPhases(runbook);
		for (Section root : roots) {
			covers.add(Cover.of(roots, phases, root,
					rootBlocks.get(root).stream().filter(b -> !claimed.contains(b)).toList()));
		}
		// blocks without steps of their own share one list per set of covering sections
		Map<List<Integer>, List<Block>> shared = new HashMap<>();
		for (Block block : runbook.flowBlocks()) {
			List<Block> own = paired.get(block.id());
			Section phase = topLevel(runbook, block.section());
			int phaseLine = phase == null ? 0 : phase.line();
			List<Integer> covering = new ArrayList<>();
			for (int i = 0; i < covers.size(); i++) {
				if (covers.get(i).covers(block, phaseLine)) {
					covering.add(i);
				}
			}
			if (own.isEmpty()) {
				scopes.steps.put(block.id(), shared.computeIfAbsent(covering, c -> steps(own, covers, c)));
			}
			else {
				scopes.steps.put(block.id(), steps(own, covers, covering));
			}
		}
		return scopes;
	}

	private static List<Block> steps(List<Block> own, List<Cover> covers, List<Integer> covering) {
		Set<Block> all = new LinkedHashSet<>(own);
		covering.forEach(i -> all.addAll(covers.get(i).unclaimed()));
		return List.copyOf(all);
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

	private static List<Block> named(Runbook runbook, List<Section> roots, Map<Section, List<Block>> rootBlocks,
			String name) {
		Optional<Block> block = runbook.find(name);
		if (block.isPresent()) {
			return List.of(block.get());
		}
		for (Section root : roots) {
			String title = root.title();
			String unnumbered = title.replaceFirst("^\\s*\\d+(\\.\\d+)*[.):]?\\s+", "");
			if (name.equals(root.number()) || name.equals(Slug.of(title)) || name.equals(Slug.of(unnumbered))) {
				return rootBlocks.get(root);
			}
		}
		return List.of();
	}

	private static List<Block> blocksOf(Runbook runbook, Section root) {
		return runbook.executableBlocks().stream().filter(b -> within(b.section(), root.number())).toList();
	}

	/**
	 * Which flow blocks a rollback section undoes, worked out once per section: a nested one its phase, a top-level
	 * one the top-level phases whose lines lie strictly between {@code after} and {@code before}.
	 */
	private record Cover(String parent, int after, int before, List<Block> unclaimed) {

		static Cover of(List<Section> roots, List<Integer> phases, Section root, List<Block> unclaimed) {
			if (root.parent() != null) {
				return new Cover(root.parent(), 0, 0, unclaimed);
			}
			int previous = roots.stream().filter(r -> r.line() < root.line()).mapToInt(Section::line).max().orElse(-1);
			boolean anyBefore = phases.stream().anyMatch(p -> p < root.line() && p > previous);
			if (anyBefore) {
				return new Cover(null, previous, root.line(), unclaimed);
			}
			int next = roots.stream().filter(r -> r.line() > root.line()).mapToInt(Section::line).min()
				.orElse(Integer.MAX_VALUE);
			return new Cover(null, root.line(), next, unclaimed);
		}

		boolean covers(Block block, int phaseLine) {
			if (this.parent != null) {
				return within(block.section(), this.parent);
			}
			return phaseLine > this.after && phaseLine < this.before;
		}

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
