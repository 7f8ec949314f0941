package dev.runbookshell.ansible;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.runbookshell.ansible.ExportedVariables.Variable;
import dev.runbookshell.ansible.TaskScript.Shell;
import dev.runbookshell.ansible.YamlText.Unsafe;
import dev.runbookshell.journal.Slug;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.runbook.ParseResult;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.Section;
import dev.runbookshell.session.RollbackPlan;

/**
 * The three playbooks of an export, each one flat play on {@code hosts: all} (no includes, so that
 * {@code --start-at-task}, {@code --tags} and {@code --limit @retry} resume it): {@code playbook.yml} runs the
 * flow's blocks in order with the checklist items where the flow passes them; {@code rollback.yml} runs the
 * rollback plan, each block only on the hosts where a block it undoes succeeded; {@code check.yml} is the dry run.
 * Ansible's linear strategy runs a task on every host before the next task starts, so a pause confirms a block
 * for the whole batch, as a fleet session asks once per block.
 */
final class PlaybookBuilder {

	/** How the import knows a play: this prefix, the runbook's path and its sha256. */
	static final String PLAY_PREFIX = "runbook-shell: ";

	private final Runbook runbook;

	private final String path;

	private final String stateName;

	private final Shell shell;

	private final ExportedVariables variables;

	private final BlockTasks tasks;

	private final YamlText yaml = new YamlText();

	PlaybookBuilder(ParseResult parsed, ExportWarnings warnings) {
		this.runbook = parsed.runbook();
		this.path = this.runbook.file();
		String fileName = Path.of(this.path).getFileName().toString();
		this.stateName = Slug.of(fileName.replaceFirst("\\.(md|markdown)$", ""));
		this.shell = Shell.of(this.runbook.frontMatter().shell());
		List<Block> blocks = Stream.concat(this.runbook.flowBlocks().stream(), rollbackBlocks().stream()).toList();
		this.variables = new ExportedVariables(this.runbook, blocks, warnings);
		this.tasks = new BlockTasks(this.runbook, this.path, this.stateName, this.shell, this.variables,
				new BlockNotes(parsed, warnings, this.shell));
	}

	/** {@code playbook.yml}. */
	String playbook() {
		List<Block> flow = this.runbook.flowBlocks();
		List<Map<String, Object>> list = new ArrayList<>(valueChecks(flow));
		list.addAll(patternChecks());
		Set<Variable> needed = new LinkedHashSet<>();
		int previousLine = 0;
		for (int i = 0; i < flow.size(); i++) {
			Block block = flow.get(i);
			for (ChecklistItem item : checklist(previousLine, block.line())) {
				list.add(this.tasks.checklist(item, block));
			}
			needed.addAll(this.variables.needs(block));
			list.addAll(this.tasks.tasks(block, i == 0, false, needed, List.of(), Map.of()));
			previousLine = block.line();
		}
		for (ChecklistItem item : checklist(previousLine, Integer.MAX_VALUE)) {
			list.add(this.tasks.checklist(item, null));
		}
		return document("playbook.yml runs the runbook's blocks", play(PLAY_PREFIX, list, true));
	}

	/**
	 * {@code rollback.yml}: the rollback plan runbook-shell offers after a run in which every block succeeded,
	 * newest first; each block runs only on the hosts where a block whose rollback it is succeeded (each task
	 * of playbook.yml notes its block on the host when its exit code is accepted), and is confirmed first. Which
	 * blocks a rollback block undoes is the session's rule ({@link RollbackPlan#undoneBy}), never a copy of it.
	 */
	String rollback() {
		List<Block> flow = this.runbook.flowBlocks();
		List<Block> plan = RollbackPlan.plan(this.runbook, flow);
		List<Map<String, Object>> list = new ArrayList<>(valueChecks(plan));
		list.addAll(patternChecks());
		list.add(succeededHere());
		Set<Variable> needed = new LinkedHashSet<>();
		flow.forEach(block -> needed.addAll(this.variables.needs(block)));
		for (Block undo : plan) {
			List<String> undoes = RollbackPlan.undoneBy(this.runbook, undo).stream().map(Block::id).toList();
			needed.addAll(this.variables.needs(undo));
			list.addAll(this.tasks.tasks(undo, false, true, needed,
					List.of("runbook_succeeded.stdout_lines | default([]) | intersect(runbook_undoes) | length > 0"),
					Map.of("runbook_undoes", undoes)));
		}
		return document("rollback.yml runs the rollback blocks of what succeeded", play(PLAY_PREFIX + "rollback of ", list, true));
	}

	/** {@code check.yml}: reaches every host and has its shell parse every block; nothing runs, nothing changes. */
	String check() {
		List<Map<String, Object>> list = new ArrayList<>();
		this.runbook.flowBlocks().forEach(block -> list.add(this.tasks.dryRun(block)));
		Map<String, Object> play = play(PLAY_PREFIX + "dry run of ", list, false);
		play.put("check_mode", true);
		return document("check.yml is a dry run: every host's shell parses every block, nothing runs", play);
	}

	private Map<String, Object> play(String prefix, List<Map<String, Object>> tasks, boolean withVariables) {
		Map<String, Object> play = new LinkedHashMap<>();
		play.put("name", prefix + this.path + " (" + "sha256:" + this.runbook.sha256() + ")");
		play.put("hosts", "all");
		play.put("gather_facts", false);
		if (withVariables) {
			play.put("vars", this.variables.playVars());
			List<Map<String, Object>> prompts = this.variables.prompts();
			if (!prompts.isEmpty()) {
				play.put("vars_prompt", prompts);
			}
		}
		play.put("tasks", tasks);
		return play;
	}

	/** Reads which blocks of playbook.yml succeeded on the host, for rollback.yml's conditions. */
	private Map<String, Object> succeededHere() {
		Map<String, Object> task = new LinkedHashMap<>();
		task.put("name", "runbook-shell: blocks that succeeded on this host");
		task.put("tags", List.of("always"));
		Map<String, Object> module = new LinkedHashMap<>();
		module.put("executable", this.shell.executable());
		module.put("cmd", new Unsafe("cat -- \"${RUNBOOK_STATE_DIR:-$HOME/.runbook-shell/ansible}/" + this.stateName
				+ "/$RUNBOOK_HOST/succeeded\" 2>/dev/null || true\n"));
		task.put("ansible.builtin.shell", module);
		task.put("environment", ExportedVariables.STATE);
		task.put("register", "runbook_succeeded");
		task.put("changed_when", false);
		return task;
	}

	/**
	 * One assertion per variable {@code blocks} need that nothing gives a value when nobody can be asked: Ansible
	 * then sets it to the text "None" (its vars_prompt reads no terminal), where runbook run --yes refuses before
	 * the block; so the play stops before its first block, naming the variable and how to give it. A secret's check
	 * is no_log, so its message is in the task's name.
	 */
	private List<Map<String, Object>> valueChecks(List<Block> blocks) {
		Set<Variable> needed = new LinkedHashSet<>();
		blocks.forEach(block -> needed.addAll(this.variables.needs(block)));
		List<Map<String, Object>> checks = new ArrayList<>();
		for (Variable variable : needed) {
			if (!variable.unattendedWithoutValue()) {
				continue;
			}
			checks.add(assertion(variable, "has a value (else give it with -e " + variable.ansibleName() + "=VALUE)", null,
					variable.ansibleName() + " | string != 'None'", "variable " + variable.variable() + " has no value and "
							+ "nobody could be asked (ansible-playbook prompts only at a terminal): give it with -e "
							+ variable.ansibleName() + "=VALUE (" + this.path + ")"));
		}
		return checks;
	}

	/** One assertion per variable with a front-matter pattern (the whole value must match, as in a session). */
	private List<Map<String, Object>> patternChecks() {
		List<Map<String, Object>> checks = new ArrayList<>();
		for (Variable variable : this.variables.patterned()) {
			checks.add(assertion(variable, "matches its pattern",
					Map.of("runbook_pattern", new Unsafe("\\A(?:" + variable.spec().pattern() + ")\\Z")),
					variable.ansibleName() + " is search(runbook_pattern)", "variable " + variable.variable()
							+ " does not match its pattern " + variable.spec().pattern() + " (" + this.path + ")"));
		}
		return checks;
	}

	/** A check at the top of a play, run with every --tags; no_log for a secret, so its name must say enough. */
	private static Map<String, Object> assertion(Variable variable, String what, Map<String, Object> vars, String that,
			String failMessage) {
		Map<String, Object> task = new LinkedHashMap<>();
		task.put("name", "runbook-shell: " + variable.variable() + " " + what);
		task.put("tags", List.of("always"));
		if (vars != null) {
			task.put("vars", vars);
		}
		Map<String, Object> module = new LinkedHashMap<>();
		module.put("that", List.of(that));
		module.put("fail_msg", new Unsafe(failMessage));
		module.put("quiet", true);
		task.put("ansible.builtin.assert", module);
		if (variable.secret()) {
			task.put("no_log", true);
		}
		return task;
	}

	/** Unticked items outside rollback sections between two lines, as a session asks them when it passes them. */
	private List<ChecklistItem> checklist(int afterLine, int beforeLine) {
		return this.runbook.checklists().stream()
			.filter(item -> !item.checked() && item.line() > afterLine && item.line() < beforeLine)
			.filter(item -> !this.runbook.section(item.section()).map(Section::rollback).orElse(false))
			.toList();
	}

	private List<Block> rollbackBlocks() {
		return this.runbook.executableBlocks().stream().filter(Block::rollback).toList();
	}

	private String document(String what, Map<String, Object> play) {
		List<String> header = new ArrayList<>(List.of("Exported by runbook-shell from " + this.path + " ("
				+ this.runbook.title() + "): " + what + ".",
				"Run it:    ansible-playbook -i inventory.yml FILE [-e runbook_yes=true] [-e NAME=VALUE ...]",
				"Record it: ANSIBLE_STDOUT_CALLBACK=ansible.posix.json ansible-playbook ... > result.json,",
				"           then runbook import ansible result.json --runbook " + this.path + " (a journal per host).",
				"Every task of a block is named \"ID NAME\" and tagged with both: --start-at-task, --tags and",
				"--limit @FILE.retry resume or pick blocks; -e runbook_yes=true answers every pause as runbook run --yes.",
				""));
		header.addAll(TaskScript.explanation(this.shell).lines().map(line -> line.replaceFirst("^# ?", "")).toList());
		return this.yaml.write(header, List.of(play));
	}

}
