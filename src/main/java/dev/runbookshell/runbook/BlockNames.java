package dev.runbookshell.runbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every executable block a unique name: its {@code name} annotation, else its fallback (a slug of its
 * section's heading, or of the text introducing it when several blocks share the heading); later duplicates get
 * {@code -2}, {@code -3}. Annotated names are reserved first so that a slug
 * never takes a name an author wrote.
 */
final class BlockNames {

	private final Set<String> used = new HashSet<>();

	private final Map<String, Integer> nextSuffix = new HashMap<>();

	private final List<ParseNote> notes = new ArrayList<>();

	/** One entry per executable block in document order: the annotated name (or null) and the fallback base. */
	record Request(String annotated, String fallback, String id, int line) {
	}

	List<String> assign(List<Request> requests) {
		Map<String, Request> firstOwner = new HashMap<>();
		for (Request request : requests) {
			if (request.annotated() != null) {
				firstOwner.putIfAbsent(request.annotated(), request);
			}
		}
		this.used.addAll(firstOwner.keySet());
		List<String> names = new ArrayList<>();
		for (Request request : requests) {
			if (request.annotated() != null && firstOwner.get(request.annotated()) == request) {
				names.add(request.annotated());
				continue;
			}
			String base = request.annotated() != null ? request.annotated() : request.fallback();
			String name = unique(base);
			if (request.annotated() != null) {
				Request owner = firstOwner.get(request.annotated());
				this.notes.add(new ParseNote(ParseNote.Kind.DUPLICATE_NAME, request.line(), "name '" + request.annotated()
						+ "' is already used by block " + owner.id() + " (line " + owner.line() + "); this one is called '"
						+ name + "'"));
			}
			names.add(name);
		}
		return names;
	}

	List<ParseNote> notes() {
		return this.notes;
	}

	private String unique(String base) {
		String name = base;
		int k = this.nextSuffix.getOrDefault(base, 2);
		while (this.used.contains(name)) {
			name = base + "-" + k++;
		}
		// the next block with this base starts where this one stopped: many blocks under one heading stay linear
		this.nextSuffix.put(base, k);
		this.used.add(name);
		return name;
	}

}
