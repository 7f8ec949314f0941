package dev.runbookshell.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.runbookshell.journal.JournalEvent.Check;

/** Section numbers in document order ({@code 2} before {@code 2.1} before {@code 10}). */
final class SectionOrder implements Comparator<String> {

	static final SectionOrder INSTANCE = new SectionOrder();

	private SectionOrder() {
	}

	/** The sections that have blocks or checklist ticks in the run, in document order. */
	static List<String> of(Run run) {
		Set<String> sections = new LinkedHashSet<>(run.blocksBySection().keySet());
		for (Check check : run.checks()) {
			sections.add(check.section() == null ? "" : check.section());
		}
		List<String> ordered = new ArrayList<>(sections);
		ordered.sort(INSTANCE);
		return ordered;
	}

	@Override
	public int compare(String a, String b) {
		String[] x = a.isEmpty() ? new String[0] : a.split("\\.");
		String[] y = b.isEmpty() ? new String[0] : b.split("\\.");
		for (int i = 0; i < Math.min(x.length, y.length); i++) {
			int c = part(x[i], y[i]);
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(x.length, y.length);
	}

	private static int part(String a, String b) {
		if (a.matches("\\d{1,9}") && b.matches("\\d{1,9}")) {
			return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
		}
		return a.compareTo(b);
	}

}
