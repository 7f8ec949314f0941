package dev.runbookshell.ansible;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.runbookshell.ansible.ExportedVariables.Variable;
import dev.runbookshell.ansible.TaskScript.Shell;
import dev.runbookshell.ansible.YamlText.Unsafe;
import dev.runbookshell.runbook.Annotations.Confirm;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.runbook.Expectation;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.session.RiskDetector;
import dev.runbookshell.session.RunSession;

/**
 * The Ansible tasks of one block: its {@code ansible.builtin.shell} task (named {@code "ID NAME"} and tagged with
 * both, so that {@code --start-at-task}, {@code --tags} and {@code runbook import} find it), preceded by a
 * {@code pause} when the block must be confirmed; a checklist item's pause; a block's dry-run task. The outcome
 * of the shell task is decided as in a session: its exit code must be accepted ({@code exit=}), every
 * expectation found in its output ({@code failed_when}), {@code retries=} is {@code until}/{@code retries},
 * {@code timeout=} (else the front matter's, else runbook-shell's unattended 30 minutes) is when the task's
 * script interrupts its block, and the task's {@code timeout} a backstop {@link #BACKSTOP_SECONDS} later.
 */
final class BlockTasks {

	/** Where each task's result is registered; also read by the task's own conditions. */
	static final String RESULT = "runbook_result";

	private static final String SKIPPED_BY_YES = "not (runbook_yes | bool)";

	/** How long Ansible gives a task past its block's timeout before it kills it (and its output is lost). */
	static final long BACKSTOP_SECONDS = 15;

	private final Runbook runbook;

	private final String runbookPath;

	private final String stateName;

	private final Shell shell;

	private final ExportedVariables variables;

	private final BlockNotes notes;

	BlockTasks(Runbook runbook, String runbookPath, String stateName, Shell shell, ExportedVariables variables,
			BlockNotes notes) {
		this.runbook = runbook;
		this.runbookPath = runbookPath;
		this.stateName = stateName;
		this.shell = shell;
		this.variables = variables;
		this.notes = notes;
	}

	/**
	 * The confirmation (when the block asks for one) and the shell task.
	 * @param fresh true for the runbook's first block: a fresh login shell, no state from an earlier run
	 * @param confirm true to confirm the block even when it is not risky (rollback blocks)
	 * @param neededSoFar the variables this and every earlier task needed
	 * @param extraWhen further conditions of the shell task (the rollback's "its block succeeded here")
	 * @param extraVars task variables those conditions read
	 */
	List<Map<String, Object>> tasks(Block block, boolean fresh, boolean confirm, Collection<Variable> neededSoFar,
			List<String> extraWhen, Map<String, Object> extraVars) {
		List<Map<String, Object>> tasks = new ArrayList<>();
		String risk = RiskDetector.risk(block, block.command());
		Confirm annotated = block.annotations().confirmToObey().orElse(null);
		if (risk != null) {
			tasks.add(typedConfirmation(block, risk));
		}
		else if (annotated == Confirm.ALWAYS || (confirm && annotated != Confirm.NEVER)) {
			tasks.add(confirmation(block));
		}
		tasks.add(shellTask(block, fresh, neededSoFar, extraWhen, extraVars));
		return tasks;
	}

	private Map<String, Object> shellTask(Block block, boolean fresh, Collection<Variable> neededSoFar,
			List<String> extraWhen, Map<String, Object> extraVars) {
		List<Variable> needs = this.variables.needs(block);
		List<String> secrets = needs.stream().filter(Variable::secret).map(Variable::envName).toList();
		Map<String, Object> environment = this.variables.environment(neededSoFar);
		List<String> passed = new ArrayList<>(environment.keySet());
		passed.addAll(secrets);
		TaskScript.Spec spec = new TaskScript.Spec(block, this.variables.script(block), this.runbookPath,
				this.stateName, fresh, !block.rollback(), block.annotations().errexit(), passed, secrets, this.notes.of(block),
				seconds(timeout(block)));
		Map<String, Object> task = named(block);
		List<String> when = new ArrayList<>(targetCondition(block, task));
		when.addAll(extraWhen);
		Map<String, Object> vars = vars(task);
		vars.putAll(extraVars);
		vars.put("runbook_accepted", List.copyOf(annotation(block, () -> block.annotations().exitCodes())));
		List<Expectation> expectations = block.expectations();
		if (!expectations.isEmpty()) {
			vars.put("runbook_expect", expectations.stream().map(e -> (Object) new Unsafe(e.text())).toList());
		}
		if (!when.isEmpty()) {
			task.put("when", when.size() == 1 ? when.get(0) : when);
		}
		Map<String, Object> module = new LinkedHashMap<>();
		module.put("executable", this.shell.executable());
		module.put("cmd", new Unsafe(TaskScript.of(spec, this.shell)));
		String input = this.variables.secretInput(block);
		if (input != null) {
			module.put("stdin", input);
		}
		task.put("ansible.builtin.shell", module);
		task.put("environment", environment);
		task.put("register", RESULT);
		task.put("failed_when", failedWhen(expectations));
		int retries = annotation(block, () -> block.annotations().retries());
		if (retries > 0) {
			task.put("until", RESULT + " is not failed");
			task.put("retries", retries);
			task.put("delay", 0);
		}
		// the task interrupts its block itself, keeping what it printed; Ansible's timeout is the backstop for a
		// block that ignores the interrupt
		task.put("timeout", seconds(timeout(block)) + BACKSTOP_SECONDS);
		if (!secrets.isEmpty()) {
			task.put("no_log", true);
		}
		return task;
	}

	/** The same rule as a session's judge: an accepted exit code and every expectation met. */
	private static String failedWhen(List<Expectation> expectations) {
		StringBuilder condition = new StringBuilder(RESULT + ".rc | default(-1) not in runbook_accepted");
		String output = "(" + RESULT + ".stdout | default(''))";
		for (int i = 0; i < expectations.size(); i++) {
			condition.append(expectations.get(i).regex()
					? " or " + output + " is not search(runbook_expect[" + i + "], multiline=True)"
					: " or runbook_expect[" + i + "] not in " + output);
		}
		return condition.toString();
	}

	/** A risky block: the operator types the host's name (the number of hosts for a batch) or the play stops. */
	private Map<String, Object> typedConfirmation(Block block, String risk) {
		Map<String, Object> task = named(block);
		Map<String, Object> vars = vars(task);
		vars.put("runbook_question", new Unsafe(block.label() + " is risky (" + risk + ")"));
		vars.put("runbook_expected",
				"{{ ansible_play_batch[0] if ansible_play_batch | length == 1 else ansible_play_batch | length | string }}");
		task.put("ansible.builtin.pause", Map.of("prompt", "{{ runbook_question }}: type {{ runbook_expected }} to run "
				+ "it on {{ ansible_play_batch | join(', ') }}; anything else stops the play"));
		return pause(task, "(runbook_answer.user_input | default('') | trim) != runbook_expected");
	}

	private Map<String, Object> confirmation(Block block) {
		Map<String, Object> task = named(block);
		vars(task).put("runbook_question", new Unsafe("Run " + block.label()));
		task.put("ansible.builtin.pause", Map.of("prompt",
				"{{ runbook_question }} on {{ ansible_play_batch | join(', ') }}? y runs it; anything else stops the play"));
		return pause(task, "(runbook_answer.user_input | default('') | trim | lower) not in ['y', 'yes']");
	}

	private static Map<String, Object> pause(Map<String, Object> task, String refused) {
		task.put("register", "runbook_answer");
		task.put("failed_when", refused);
		task.put("any_errors_fatal", true);
		task.put("when", SKIPPED_BY_YES);
		return task;
	}

	/** A checklist item, asked before {@code next} (null: at the end); the answer is in the result. */
	Map<String, Object> checklist(ChecklistItem item, Block next) {
		Map<String, Object> task = new LinkedHashMap<>();
		String text = item.text().strip();
		task.put("name", "check line " + item.line() + ": " + (text.length() > 60 ? text.substring(0, 59) + "~" : text));
		List<String> tags = new ArrayList<>(List.of("checklist"));
		if (next != null) {
			tags.addAll(List.of(next.id(), next.name()));
		}
		task.put("tags", tags);
		vars(task).put("runbook_check", new Unsafe("[ ] " + text + " (" + this.runbookPath + ":" + item.line() + ")"));
		task.put("ansible.builtin.pause",
				Map.of("prompt", "{{ runbook_check }}\nChecked? y = yes, n = no, anything else = not verified"));
		task.put("register", "runbook_check_answer");
		task.put("when", SKIPPED_BY_YES);
		return task;
	}

	/** The block parsed by the host's shell ({@code -n}): nothing runs. */
	Map<String, Object> dryRun(Block block) {
		Map<String, Object> task = new LinkedHashMap<>();
		task.put("name", block.label() + " (dry run)");
		task.put("tags", tags(block));
		targetCondition(block, task).forEach(condition -> task.put("when", condition));
		String text = this.variables.script(block);
		String script = "# runbook-shell: dry run of block " + block.label() + " (" + this.runbookPath + ":"
				+ block.line() + ", " + block.hash() + "): the host's shell parses it, nothing runs\n"
				+ this.shell.executable() + " -n <<'RUNBOOK_BLOCK'\n" + text + (text.endsWith("\n") ? "" : "\n")
				+ "RUNBOOK_BLOCK\n";
		Map<String, Object> module = new LinkedHashMap<>();
		module.put("executable", this.shell.executable());
		module.put("cmd", new Unsafe(script));
		task.put("ansible.builtin.shell", module);
		task.put("check_mode", false);
		task.put("changed_when", false);
		return task;
	}

	private Map<String, Object> named(Block block) {
		Map<String, Object> task = new LinkedHashMap<>();
		task.put("name", block.label());
		task.put("tags", tags(block));
		return task;
	}

	/** {@code excludeFromRunAll} blocks are tagged never: they run only when named with --tags. */
	private static List<String> tags(Block block) {
		List<String> tags = new ArrayList<>();
		if (block.annotations().excludeFromRunAll()) {
			tags.add("never");
		}
		tags.add(block.id());
		tags.add(block.name());
		return tags;
	}

	/** {@code target=NAME}: the block runs on the host so named or the hosts of the group so named. */
	private static List<String> targetCondition(Block block, Map<String, Object> task) {
		return block.annotations().target().map(target -> {
			vars(task).put("runbook_target", new Unsafe(target));
			return List.of("runbook_target in group_names or inventory_hostname == runbook_target");
		}).orElse(List.of());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> vars(Map<String, Object> task) {
		return (Map<String, Object>) task.computeIfAbsent("vars", key -> new LinkedHashMap<String, Object>());
	}

	private Duration timeout(Block block) {
		return annotation(block, () -> block.annotations().timeout().orElseGet(() -> this.runbook.frontMatter()
			.timeout() != null ? this.runbook.frontMatter().timeout() : RunSession.UNATTENDED_TIMEOUT));
	}

	/** An annotation's value; one that cannot be read stops the export naming the block and its line. */
	private <T> T annotation(Block block, java.util.function.Supplier<T> value) {
		try {
			return value.get();
		}
		catch (IllegalArgumentException ex) {
			throw new AnsibleException(this.runbookPath + ":" + block.line() + ": block " + block.label() + ": "
					+ ex.getMessage() + " (see: runbook lint " + this.runbookPath + ")");
		}
	}

	private static long seconds(Duration duration) {
		return Math.max(1, (duration.toMillis() + 999) / 1000);
	}

}
