package dev.runbookshell.runbook.lint;

import java.util.Locale;
import java.util.TreeSet;

import dev.runbookshell.runbook.Annotations;

/** Suggests the known annotation key an unknown one was probably meant to be. */
final class KeySuggestion {

	private KeySuggestion() {
	}

	static String fixFor(String unknown) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String known : new TreeSet<>(Annotations.KNOWN_KEYS)) {
			int d = distance(unknown.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
			if (d < bestDistance) {
				best = known;
				bestDistance = d;
			}
		}
		if (best != null && bestDistance <= 2) {
			return "did you mean '" + best + "'?";
		}
		return "remove it; known keys: " + String.join(", ", new TreeSet<>(Annotations.KNOWN_KEYS));
	}

	/** Levenshtein distance. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
