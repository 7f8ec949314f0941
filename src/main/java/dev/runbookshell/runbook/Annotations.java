package dev.runbookshell.runbook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The annotations of a fenced block's info string, in Runme syntax ({@code {name=x timeout=5m}}) or JSON
 * ({@code {"name": "x"}}). Values are kept as written; typed accessors interpret them.
 *
 * @param values key to raw value, in the order written
 */
public record Annotations(Map<String, String> values) {

	/**
	 * Runme's keys and ours. Those of them in {@link AnnotationKeys#RUNME_KEYS} are accepted but not implemented;
	 * anything else is reported by lint as unknown, and refused by {@code run} when it is a near miss.
	 */
	public static final Set<String> KNOWN_KEYS = Set.of("name", "cwd", "interactive", "excludeFromRunAll", "ignore",
			"promptEnv", "target", "timeout", "confirm", "expect", "exit", "retries", "rollback", "cutover",
			"background", "closeTerminalOnSuccess", "mimeType", "terminalRows", "id", "category", "follow",
			"errexit");

	public static final Annotations NONE = new Annotations(Map.of());

	public Annotations {
		values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	public Optional<String> get(String key) {
		return Optional.ofNullable(this.values.get(key));
	}

	public Optional<String> name() {
		return get("name").filter(s -> !s.isBlank());
	}

	public Optional<String> target() {
		return get("target").filter(s -> !s.isBlank());
	}

	public Optional<String> cwd() {
		return get("cwd").filter(s -> !s.isBlank());
	}

	public Optional<String> rollbackBlock() {
		return get("rollback").filter(s -> !s.isBlank());
	}

	public Optional<String> expect() {
		return get("expect").filter(s -> !s.isEmpty());
	}

	/** {@code timeout=90s}, {@code 5m}, {@code 1h}, {@code 1h30m} or plain seconds. */
	public Optional<Duration> timeout() {
		return get("timeout").map(DurationText::parse);
	}

	/** {@code confirm=always|typed|never} ({@code true}/{@code yes}, {@code false}/{@code no} as always, never). */
	public Optional<Confirm> confirm() {
		return get("confirm").map(Confirm::parse);
	}

	/**
	 * The confirmation a block gets when it runs: {@link #confirm()}, with a value that cannot be read taken as
	 * {@link Confirm#TYPED} (ask rather than guess; lint names the bad value).
	 */
	public Optional<Confirm> confirmToObey() {
		try {
			return confirm();
		}
		catch (IllegalArgumentException ex) {
			return Optional.of(Confirm.TYPED);
		}
	}

	/** Accepted exit codes, {@code exit=0,1}; {0} when not annotated. */
	public Set<Integer> exitCodes() {
		Set<Integer> codes = new TreeSet<>();
		get("exit").ifPresent(text -> {
			for (String part : text.split("[,\\s]+")) {
				if (!part.isBlank()) {
					codes.add(Integer.parseInt(part.trim()));
				}
			}
		});
		if (codes.isEmpty()) {
			codes.add(0);
		}
		return codes;
	}

	public int retries() {
		return get("retries").map(String::trim).map(Integer::parseInt).orElse(0);
	}

	/**
	 * {@code errexit=false} keeps terminal semantics: the block goes on after a failed command (each is still
	 * reported, and the block is "succeeded with failures"). By default a block stops at its first failed command.
	 */
	public boolean errexit() {
		return get("errexit").map(v -> !v.trim().equalsIgnoreCase("false") && !v.trim().equalsIgnoreCase("no"))
			.orElse(true);
	}

	public boolean interactive() {
		return flag("interactive");
	}

	public boolean excludeFromRunAll() {
		return flag("excludeFromRunAll");
	}

	public boolean ignore() {
		return flag("ignore");
	}

	/**
	 * {@code follow=true} (or {@code yes}): the block follows output until it is stopped; any other value says it
	 * ends on its own. Empty when not annotated: then its command decides.
	 */
	public Optional<Boolean> follow() {
		return get("follow").map(v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
	}

	/** Marks the block as part of the cut-over (the downtime window) in comparisons. */
	public boolean cutover() {
		return flag("cutover");
	}

	/** Keys that are neither Runme's nor ours (see {@link AnnotationKeys} for what {@code run} does with them). */
	public List<String> unknownKeys() {
		List<String> unknown = new ArrayList<>();
		for (String key : this.values.keySet()) {
			if (!KNOWN_KEYS.contains(key) && !AnnotationKeys.RUNME_KEYS.contains(key) && !key.startsWith("runme.dev/")) {
				unknown.add(key);
			}
		}
		return unknown;
	}

	private boolean flag(String key) {
		return get(key).map(v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")).orElse(false);
	}

	/** How a block is confirmed before it runs. */
	public enum Confirm {

		/** Always ask, even in run-all mode. */
		ALWAYS,
		/** Ask the operator to type the target's name. */
		TYPED,
		/** Never ask. */
		NEVER;

		static Confirm parse(String text) {
			return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
				case "always", "true", "yes" -> ALWAYS;
				case "typed" -> TYPED;
				case "never", "false", "no" -> NEVER;
				default -> throw new IllegalArgumentException(
						"confirm must be always, typed or never, not '" + text + "'");
			};
		}

	}

}
