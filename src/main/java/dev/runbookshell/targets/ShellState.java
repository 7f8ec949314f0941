package dev.runbookshell.targets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a shell holds that a later block relies on: its working directory, the variables blocks exported and
 * the functions blocks defined (only what differs from the shell as it started: its login environment is not
 * the runbook's). Read from the shell at every block's end; {@link TargetSession#restore} re-creates it in a new
 * shell.
 *
 * @param cwd the working directory
 * @param exports exported variables set or changed by blocks, name to value, in the shell's order
 * @param functions functions defined or changed by blocks, name to the shell's definition text; empty where
 * the shell cannot list its functions (busybox sh)
 * @param functionsKnown false when the shell cannot list its functions
 */
public record ShellState(String cwd, Map<String, String> exports, Map<String, String> functions,
		boolean functionsKnown) {

	/** Variables every shell sets for itself: never part of what blocks exported. */
	private static final Set<String> OWN = Set.of("PWD", "OLDPWD", "SHLVL", "_");

	public ShellState {
		exports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exports));
		functions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(functions));
	}

	/** This state without what {@code initial} (the shell as it started) already had, nor the tool's own. */
	ShellState since(ShellState initial) {
		Map<String, String> exported = new LinkedHashMap<>();
		this.exports.forEach((name, value) -> {
			if (!OWN.contains(name) && !name.startsWith("__rb_") && !value.equals(initial.exports.get(name))) {
				exported.put(name, value);
			}
		});
		Map<String, String> defined = new LinkedHashMap<>();
		this.functions.forEach((name, text) -> {
			if (!name.startsWith("__rb_") && !text.equals(initial.functions.get(name))) {
				defined.put(name, text);
			}
		});
		return new ShellState(this.cwd, exported, defined, this.functionsKnown);
	}

}
