package dev.runbookshell.runbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which annotation keys of a runbook do something. A key we honour ({@link #honoured()}) works; a key that
 * Runme defines and we do not implement ({@link #RUNME_KEYS}, {@code runme.dev/*}) is accepted with a one-line
 * note, so Runme runbooks keep working; a near miss of a key we honour ({@code timout}) is refused by
 * {@code run} unless forced, since running {@code sleep 3 {timout=1s}} without its timeout is a silent no-op;
 * any other key is warned about.
 *
 * @param nearMisses keys one typo away from a key we honour, in document order
 * @param runme keys Runme defines that we do not implement, with the lines they are on
 * @param unknown other keys, in document order
 */
public record AnnotationKeys(List<Key> nearMisses, Map<String, List<Integer>> runme, List<Key> unknown) {

	/** Keys that Runme defines and this tool does not implement: accepted, and said so. */
	public static final Set<String> RUNME_KEYS = Set.of("background", "closeTerminalOnSuccess", "openTerminalOnError",
			"mimeType", "terminalRows", "id", "category", "interpreter");

	public AnnotationKeys {
		nearMisses = List.copyOf(nearMisses);
		runme = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runme));
		unknown = List.copyOf(unknown);
	}

	/**
	 * One key that does nothing here.
	 *
	 * @param file the runbook file
	 * @param line the fence line of its block
	 * @param key the key as written
	 * @param block the block's label, or "code block" when it is not executable
	 * @param suggestion the known key it is probably meant to be, or null
	 */
	public record Key(String file, int line, String key, String block, String suggestion) {

		/** {@code plan.md:12: block 1.1 x: annotation 'timout' is not one we know: did you mean 'timeout'?}. */
		public String message() {
			return this.file + ":" + this.line + ": " + this.block + ": annotation '" + this.key + "' is not one we know"
					+ (this.suggestion != null ? ": did you mean '" + this.suggestion + "'?" : "; it is ignored");
		}

	}

	/** The keys we honour: Runme's and ours that change how a block runs or is shown. */
	public static Set<String> honoured() {
		Set<String> keys = new TreeSet<>(Annotations.KNOWN_KEYS);
		keys.removeAll(RUNME_KEYS);
		return keys;
	}

	/** Checks every fenced block's annotations. */
	public static AnnotationKeys of(Runbook runbook) {
		List<Key> nearMisses = new ArrayList<>();
		Map<String, List<Integer>> runme = new LinkedHashMap<>();
		List<Key> unknown = new ArrayList<>();
		Set<String> honoured = honoured();
		for (Block block : runbook.blocks()) {
			for (String key : block.annotations().values().keySet()) {
				if (honoured.contains(key)) {
					continue;
				}
				if (RUNME_KEYS.contains(key) || key.startsWith("runme.dev/")) {
					runme.computeIfAbsent(key, k -> new ArrayList<>()).add(block.line());
					continue;
				}
				String where = block.executable() ? "block " + block.label() : "code block";
				Optional<String> meant = nearest(key, honoured);
				if (meant.isPresent()) {
					nearMisses.add(new Key(runbook.file(), block.line(), key, where, meant.get()));
				}
				else {
					unknown.add(new Key(runbook.file(), block.line(), key, where, nearest(key, RUNME_KEYS).orElse(null)));
				}
			}
		}
		return new AnnotationKeys(nearMisses, runme, unknown);
	}

	/** Why {@code run} refuses the runbook (the first near miss, and how many more), if it does. */
	public Optional<String> refusal() {
		if (this.nearMisses.isEmpty()) {
			return Optional.empty();
		}
		int more = this.nearMisses.size() - 1;
		return Optional.of(this.nearMisses.get(0).message() + (more > 0 ? " (and " + more + " more)" : "")
				+ "; --force runs it anyway, without that annotation");
	}

	/** What {@code run} prints before it starts: one line for Runme's keys, one warning per unknown key. */
	public List<String> notes() {
		List<String> notes = new ArrayList<>();
		if (!this.runme.isEmpty()) {
			notes.add("note: Runme annotations accepted but not implemented here: " + this.runme.entrySet()
				.stream()
				.map(e -> e.getKey() + " (line" + (e.getValue().size() > 1 ? "s " : " ")
						+ e.getValue().stream().distinct().limit(5).map(String::valueOf).collect(Collectors.joining(", "))
						+ (e.getValue().stream().distinct().count() > 5 ? ", ..." : "") + ")")
				.collect(Collectors.joining(", ")));
		}
		this.unknown.forEach(key -> notes.add("warning: " + key.message()));
		return notes;
	}

	/** The known key {@code key} is one typo from (case, - or _, one edit, a swap; two edits for long keys). */
	static Optional<String> nearest(String key, Set<String> known) {
		String folded = fold(key);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : new TreeSet<>(known)) {
			String target = fold(candidate);
			int distance = target.equals(folded) ? 0 : distance(folded, target);
			int allowed = target.length() >= 6 ? 2 : target.length() >= 3 ? 1 : 0;
			if (distance <= allowed && distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return Optional.ofNullable(best);
	}

	private static String fold(String key) {
		return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

	/** Edit distance with adjacent swaps counted as one edit (optimal string alignment). */
	private static int distance(String a, String b) {
		if (Math.abs(a.length() - b.length()) > 2) {
			return Integer.MAX_VALUE;
		}
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
