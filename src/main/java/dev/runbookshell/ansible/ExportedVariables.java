package dev.runbookshell.ansible;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.runbookshell.ansible.YamlText.Unsafe;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Placeholder;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.VariableSpec;
import dev.runbookshell.session.CommandText;
import dev.runbookshell.session.SecretValues;
import dev.runbookshell.session.SessionVariables;

/**
 * The runbook's variables and placeholders as Ansible variables: front-matter defaults become play {@code vars}
 * (so {@code -e NAME=value} overrides them), the values a block needs and nobody gave become {@code vars_prompt}
 * ({@code private} for secrets), and each task gets them as environment variables under the names a
 * runbook-shell session exports them by. A secret reaches only the tasks whose block uses it, on the task's
 * stdin (an environment value would be on the remote command line), and those tasks are {@code no_log}.
 */
final class ExportedVariables {

	/** Names Ansible or Jinja use themselves: a runbook variable called so gets a {@code runbook_var_} prefix. */
	private static final Set<String> RESERVED = Set.of("hostvars", "groups", "group_names", "inventory_hostname",
			"inventory_hostname_short", "inventory_dir", "inventory_file", "playbook_dir", "play_hosts", "omit",
			"environment", "vars", "name", "hosts", "tags", "when", "register", "role_name", "item", "and", "or",
			"not", "in", "is", "if", "else", "true", "false", "none", "True", "False", "None", "lookup", "query");

	/** The state folder on the host is given to every task, so that it can be moved with {@code -e}. */
	static final String STATE_DIR_VARIABLE = "runbook_state_dir";

	/**
	 * Where a task keeps the state on the host: one folder per inventory host, since two inventory hosts may be one
	 * machine (or one home folder).
	 */
	static final Map<String, Object> STATE = state();

	/**
	 * One variable.
	 * @param variable its runbook name ({@code db-host})
	 * @param ansibleName its name among Ansible's variables
	 * @param envName the environment variable the block reads ({@code db_host})
	 * @param token how the runbook writes it ({@code <db-host>}, {@code $NEW_HOST})
	 * @param spec its front-matter declaration, or null for a placeholder
	 * @param exportLine the first {@code export NAME=VALUE} line that asks for it (promptEnv), or null
	 */
	record Variable(String variable, String ansibleName, String envName, String token, VariableSpec spec,
			CommandText.ExportLine exportLine) {

		boolean secret() {
			return this.spec != null && this.spec.secret();
		}

		String defaultValue() {
			return this.spec == null ? null : this.spec.defaultValue();
		}

		/** What an unattended {@code runbook run --yes} runs the export line with, or null. */
		String written() {
			return this.exportLine == null ? null : this.exportLine.written();
		}

		/** Whether nothing gives it a value when nobody is asked (a secret's front-matter default is not copied). */
		boolean unattendedWithoutValue() {
			return (defaultValue() == null || secret()) && written() == null;
		}

		String prompt() {
			if (this.spec != null && this.spec.prompt() != null && !this.spec.prompt().isBlank()) {
				return this.spec.prompt();
			}
			return this.exportLine != null && written() == null ? this.exportLine.question() : "value for " + this.token;
		}

	}

	private final Runbook runbook;

	private final SessionVariables session;

	private final Map<String, Variable> variables = new LinkedHashMap<>();

	private final Map<String, CommandText.Exported> scripts = new LinkedHashMap<>();

	/** @param blocks every block that is exported, in the order the tasks run */
	ExportedVariables(Runbook runbook, List<Block> blocks, ExportWarnings warnings) {
		this.runbook = runbook;
		this.session = new SessionVariables(runbook.frontMatter(), new SecretValues());
		runbook.frontMatter().variables().values().stream()
			.filter(spec -> spec.defaultValue() != null)
			.forEach(spec -> add(spec.name(), "$" + spec.name(), null, warnings));
		for (Block block : blocks) {
			CommandText.Exported exported = CommandText.exported(block, this.session);
			this.scripts.put(block.id(), exported);
			for (String name : exported.variables()) {
				String token = block.placeholders().stream().filter(p -> p.variable().equals(name))
					.map(Placeholder::token).findFirst().orElse("$" + name);
				add(name, token, exported.exportLines().stream().filter(l -> l.variable().equals(name)).findFirst()
					.orElse(null), warnings);
			}
			exported.exportLines().forEach(line -> differentlyWritten(line, warnings));
		}
	}

	private static Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("RUNBOOK_STATE_DIR", "{{ " + STATE_DIR_VARIABLE + " }}");
		state.put("RUNBOOK_HOST", "{{ inventory_hostname }}");
		return java.util.Collections.unmodifiableMap(state);
	}

	private void add(String name, String token, CommandText.ExportLine exportLine, ExportWarnings warnings) {
		Variable known = this.variables.get(name);
		if (known != null) {
			if (known.exportLine() == null && exportLine != null) {
				this.variables.put(name, new Variable(known.variable(), known.ansibleName(), known.envName(),
						known.token(), known.spec(), exportLine));
			}
			return;
		}
		String envName = SessionVariables.shellName(name);
		String ansibleName = envName;
		if (RESERVED.contains(envName) || envName.startsWith("ansible_") || envName.startsWith("runbook_")) {
			ansibleName = "runbook_var_" + envName;
			warnings.add(1, "variable " + name + " is called " + ansibleName + " in the playbook (" + envName
					+ " is a name Ansible uses): give it with -e " + ansibleName + "=VALUE");
		}
		this.variables.put(name, new Variable(name, ansibleName, envName, token,
				this.runbook.frontMatter().variables().get(name), exportLine));
	}

	/**
	 * An unattended session runs each export line with its own value; a playbook gives a variable one value, the
	 * first line's as its default: a later line that writes another one is said.
	 */
	private void differentlyWritten(CommandText.ExportLine line, ExportWarnings warnings) {
		Variable variable = this.variables.get(line.variable());
		CommandText.ExportLine first = variable.exportLine();
		if (first != line && variable.defaultValue() == null && !Objects.equals(first.written(), line.written())) {
			// a warning reaches the terminal and CI logs: a secret's values never do
			boolean secret = variable.secret() || SessionVariables.namedAsSecret(line.variable());
			String written = line.written() == null ? "" : secret ? SecretValues.MASK : line.written();
			String firstWritten = first.written() == null ? "none" : secret ? SecretValues.MASK : first.written();
			warnings.add(line.line(), "export " + line.variable() + "=" + written
					+ " differs from line " + first.line() + ": under Ansible every export of " + line.variable()
					+ " gets the one value given for it (-e " + variable.ansibleName() + "=VALUE), by default "
					+ firstWritten + " (the first line's)");
		}
	}

	/** What runs for {@code block}: its command with placeholders as variable references. */
	String script(Block block) {
		return this.scripts.get(block.id()).script();
	}

	/** The variables {@code block} uses, in order. */
	List<Variable> needs(Block block) {
		return this.scripts.get(block.id()).variables().stream().map(this.variables::get).toList();
	}

	/** Play {@code vars}: the switches every playbook has, then each variable with a default. */
	Map<String, Object> playVars() {
		Map<String, Object> vars = new LinkedHashMap<>();
		vars.put("runbook_yes", false);
		vars.put(STATE_DIR_VARIABLE, "");
		for (Variable variable : this.variables.values()) {
			if (variable.defaultValue() != null && !variable.secret()) {
				vars.put(variable.ansibleName(), new Unsafe(variable.defaultValue()));
			}
		}
		return vars;
	}

	/**
	 * Play {@code vars_prompt}: what a block needs and nothing gives, in order of first use, and every secret (a
	 * secret's front-matter default is not copied into the playbook); skipped for a variable given with -e.
	 */
	List<Map<String, Object>> prompts() {
		List<Map<String, Object>> prompts = new ArrayList<>();
		for (Variable variable : this.variables.values()) {
			if (variable.defaultValue() == null || variable.secret()) {
				Map<String, Object> prompt = new LinkedHashMap<>();
				prompt.put("name", variable.ansibleName());
				prompt.put("prompt", new Unsafe(variable.prompt()));
				prompt.put("private", variable.secret());
				prompt.put("unsafe", true); // what is typed is data, never a template
				if (variable.written() != null) {
					// what runbook run --yes runs the export line with; an interactive run shows it and Enter keeps it
					prompt.put("default", new Unsafe(variable.written()));
				}
				prompts.add(prompt);
			}
		}
		return prompts;
	}

	/** The variables that must match a front-matter pattern. */
	List<Variable> patterned() {
		return this.variables.values().stream().filter(v -> v.spec() != null && v.spec().pattern() != null).toList();
	}

	/**
	 * A task's {@code environment}: the front matter's {@code env}, the state folder, every non-secret variable
	 * with a default and every non-secret one a block up to this one needed (as a session exports every value
	 * it has).
	 */
	Map<String, Object> environment(Collection<Variable> neededSoFar) {
		Map<String, Object> environment = new LinkedHashMap<>();
		this.runbook.frontMatter().env().forEach((name, value) -> environment.put(name, new Unsafe(value)));
		environment.putAll(STATE);
		for (Variable variable : this.variables.values()) {
			if (!variable.secret() && (variable.defaultValue() != null || neededSoFar.contains(variable))) {
				environment.put(variable.envName(), "{{ " + variable.ansibleName() + " }}");
			}
		}
		return environment;
	}

	/** A task's {@code stdin}: {@code NAME base64} for each secret {@code block} uses, or null when none. */
	String secretInput(Block block) {
		StringBuilder input = new StringBuilder();
		for (Variable variable : needs(block)) {
			if (variable.secret()) {
				input.append(variable.envName()).append(" {{ ").append(variable.ansibleName()).append(" | b64encode }}\n");
			}
		}
		return input.isEmpty() ? null : input.toString();
	}

}
