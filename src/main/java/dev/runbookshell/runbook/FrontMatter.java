package dev.runbookshell.runbook;

import java.time.Duration;
import java.util.Map;

import dev.runbookshell.targets.TargetDefinition;

/**
 * The YAML front matter of a runbook.
 *
 * @param title {@code title}, or null
 * @param targets {@code targets}: name to definition
 * @param defaultTarget {@code default-target}, or null
 * @param variables {@code variables}: name to definition
 * @param env {@code env}: exported into every target shell
 * @param shell {@code shell}: the shell to start on targets (bash when null)
 * @param timeout {@code timeout}: default per-block timeout, or null
 */
public record FrontMatter(String title, Map<String, TargetDefinition> targets, String defaultTarget,
		Map<String, VariableSpec> variables, Map<String, String> env, String shell, Duration timeout) {

	public static final FrontMatter EMPTY = new FrontMatter(null, Map.of(), null, Map.of(), Map.of(), null, null);

	public FrontMatter {
		targets = Map.copyOf(targets);
		variables = Map.copyOf(variables);
		env = Map.copyOf(env);
	}

}
