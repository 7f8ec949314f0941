package dev.runbookshell.runbook;

import java.time.Duration;
import java.util.List;
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
 * @param targetGroups {@code targets:} entries whose value is a list: a group name to the target names (or
 * groups) it stands for, in order
 */
public record FrontMatter(String title, Map<String, TargetDefinition> targets, String defaultTarget,
		Map<String, VariableSpec> variables, Map<String, String> env, String shell, Duration timeout,
		Map<String, List<String>> targetGroups) {

	public static final FrontMatter EMPTY = new FrontMatter(null, Map.of(), null, Map.of(), Map.of(), null, null);

	public FrontMatter {
		targets = Map.copyOf(targets);
		variables = Map.copyOf(variables);
		env = Map.copyOf(env);
		targetGroups = Map.copyOf(targetGroups);
	}

	/** Front matter without target groups. */
	public FrontMatter(String title, Map<String, TargetDefinition> targets, String defaultTarget,
			Map<String, VariableSpec> variables, Map<String, String> env, String shell, Duration timeout) {
		this(title, targets, defaultTarget, variables, env, shell, timeout, Map.of());
	}

}
