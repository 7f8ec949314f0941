package dev.runbookshell.ansible;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.targets.ShellQuoting;

/**
 * The shell script an exported task runs for one block: a few lines naming the block, the block's text (its
 * placeholders already turned into variable references), then the machinery that makes a task behave like a
 * block of a runbook-shell session. The machinery is the same in every task and lives, with its explanation, in
 * {@code task.bash} (and {@code task.sh} for {@code shell: sh}) beside this class; every exported playbook
 * carries that explanation at its top.
 *
 * <p>The outcome rule it implements is runbook-shell's: every failed command is seen with bash's ERR-trap meaning
 * (commands tested by {@code if}, {@code while}, {@code until}, {@code &&}, {@code ||} or {@code !} and all but the
 * last command of a pipeline do not count; {@code pipefail} is the block's choice; a subshell counts by its
 * status); a command whose exit code the block accepts ({@code exit=}) is not a failure; by default the block
 * stops at its first failed command and fails with its exit code, and stderr names the runbook file and line, the
 * command and the exit code; with {@code errexit=false} the block runs on and each failed command is named as a
 * warning. {@code AnsibleOutcomeRuleIT} runs the same blocks both ways and compares them. The task's exit code,
 * the expectations, the retries and the timeout are then judged by Ansible ({@link BlockTasks}). State (working
 * directory, variables, functions, options) carries from task to task through a file on the host; a block that
 * runs {@code exit} leaves the next one a fresh shell. This is the one place that writes these scripts: when
 * runbook-shell's own rule changes, this class and its two templates change with it.
 */
final class TaskScript {

	/** The first line of every script; {@code runbook import ansible} reads the block's hash from it. */
	static final Pattern HEADER = Pattern
		.compile("^# runbook-shell: block (\\S+) (.+) \\((.*):(\\d+), (sha256:[0-9a-f]{64})\\)$", Pattern.MULTILINE);

	private static final String DELIMITER = "RUNBOOK_BLOCK";

	private static final Pattern CONSOLE_PROMPT = Pattern.compile("^\\s*\\$ (.*)$");

	/** Which shell the tasks run in, and its template. */
	enum Shell {

		BASH("/bin/bash", "task.bash"), SH("/bin/sh", "task.sh");

		private final String executable;

		private final String template;

		Shell(String executable, String template) {
			this.executable = executable;
			this.template = template;
		}

		String executable() {
			return this.executable;
		}

		/** The front matter's {@code shell}: {@code sh} for POSIX sh, anything else (or nothing) is bash. */
		static Shell of(String frontMatterShell) {
			return "sh".equals(frontMatterShell == null ? null : frontMatterShell.strip()) ? SH : BASH;
		}

	}

	/**
	 * Everything one script needs.
	 * @param block the block
	 * @param text what runs: the block's command with placeholders as variable references
	 * @param runbookPath the runbook as named in messages ({@code runbooks/demo.md})
	 * @param stateName the runbook's folder of state on the host, under {@code ~/.runbook-shell/ansible/}
	 * @param fresh true for the first block of the flow: it starts from a fresh login shell
	 * @param flow false for a rollback block (it does not mark the block as done on the host)
	 * @param errexit false for {@code errexit=false}: the block goes on after a failed command
	 * @param passed the environment variables Ansible passes to the task (never saved in the state)
	 * @param secrets the names of the secret variables among them (values never saved)
	 * @param notes what the exporter warned about this block, written as comments under the first line
	 * @param timeoutSeconds when the task interrupts its block, as a session does (0: never)
	 */
	record Spec(Block block, String text, String runbookPath, String stateName, boolean fresh, boolean flow,
			boolean errexit, List<String> passed, List<String> secrets, List<String> notes, long timeoutSeconds) {

		Spec {
			passed = List.copyOf(passed);
			secrets = List.copyOf(secrets);
			notes = List.copyOf(notes);
		}

	}

	private TaskScript() {
	}

	/** The script for {@code spec} in {@code shell}. */
	static String of(Spec spec, Shell shell) {
		Block block = spec.block();
		StringBuilder script = new StringBuilder();
		script.append("# runbook-shell: block ").append(block.id()).append(' ').append(block.name()).append(" (")
			.append(spec.runbookPath()).append(':').append(block.line()).append(", ").append(block.hash()).append(")\n");
		spec.notes().forEach(note -> script.append("# runbook-shell: warning: ").append(note.replace("\n", " ")).append('\n'));
		script.append("# How this script works and how the outcome is decided: see the top of this playbook.\n");
		script.append(assign("__rb_slug", spec.stateName())).append(' ')
			.append(assign("__rb_file", fileName(spec.runbookPath()))).append(' ')
			.append(assign("__rb_where", spec.runbookPath())).append('\n');
		script.append(assign("__rb_id", block.id())).append(' ').append(assign("__rb_label", block.label()))
			.append(" __rb_fresh=").append(spec.fresh() ? 1 : 0).append(" __rb_flow=").append(spec.flow() ? 1 : 0)
			.append(" __rb_errexit=").append(spec.errexit() ? 1 : 0).append(' ')
			.append(assign("__rb_accepted", codes(block.annotations().exitCodes()))).append(" __rb_pad=")
			.append(block.line()).append(' ').append(assign("__rb_cwd", block.annotations().cwd().orElse("")))
			.append(" __rb_timeout=").append(spec.timeoutSeconds()).append('\n');
		script.append(assign("__rb_vars", String.join(" ", spec.passed()))).append(' ')
			.append(assign("__rb_secrets", String.join(" ", spec.secrets()))).append('\n');
		String lineMap = lineMap(block);
		if (shell == Shell.BASH && !lineMap.isEmpty()) {
			script.append("__rb_map=(").append(lineMap).append(")\n");
		}
		if (!spec.secrets().isEmpty()) {
			script.append(readSecrets(shell));
		}
		String delimiter = delimiter(spec.text());
		String text = spec.text().endsWith("\n") || spec.text().isEmpty() ? spec.text() : spec.text() + "\n";
		if (shell == Shell.BASH) {
			script.append("IFS= read -r -d '' __rb_text <<'").append(delimiter).append("'\n");
			script.append(text).append(delimiter).append('\n');
		}
		else {
			script.append("__rb_text=$(cat <<'").append(delimiter).append("'\n");
			script.append(text).append(delimiter).append("\n)\n");
		}
		return script.append(machinery(shell)).toString();
	}

	/** The template's opening comment: how a task runs its block, for the top of a playbook. */
	static String explanation(Shell shell) {
		return template(shell).lines()
			.takeWhile(line -> line.startsWith("#"))
			.collect(Collectors.joining("\n", "", "\n"));
	}

	/** The template without its comment lines: what every task repeats. */
	private static String machinery(Shell shell) {
		return template(shell).lines()
			.filter(line -> !line.stripLeading().startsWith("#"))
			.collect(Collectors.joining("\n", "", "\n"));
	}

	/** Secret values come on the task's stdin, one {@code NAME base64} line each: never on a command line. */
	private static String readSecrets(Shell shell) {
		if (shell == Shell.BASH) {
			return """
					while read -r __rb_n __rb_v; do
					    [[ -n $__rb_n ]] || continue
					    __rb_v=$(printf '%s' "$__rb_v" | base64 -d && printf x) || exit 125
					    printf -v "$__rb_n" '%s' "${__rb_v%x}"
					    export "$__rb_n"
					done
					unset __rb_n __rb_v
					""";
		}
		return """
				while read -r __rb_n __rb_v; do
				    [ -n "$__rb_n" ] || continue
				    __rb_v=$(printf '%s' "$__rb_v" | base64 -d && printf x) || exit 125
				    eval "$__rb_n=\\${__rb_v%x}"
				    export "$__rb_n"
				done
				unset __rb_n __rb_v
				""";
	}

	/**
	 * Where the lines of a block whose command differs from its content (a console block: only the lines after
	 * {@code $ }) really are: {@code [script line]=runbook line} pairs, empty when they are where they seem.
	 */
	static String lineMap(Block block) {
		if (block.command().equals(block.content())) {
			return "";
		}
		String[] content = block.content().split("\n", -1);
		String[] command = block.command().split("\n", -1);
		TreeMap<Integer, Integer> map = new TreeMap<>();
		int at = 0;
		for (int i = 0; i < command.length; i++) {
			if (i == command.length - 1 && command[i].isEmpty()) {
				break;
			}
			int found = -1;
			for (int j = at; j < content.length; j++) {
				Matcher prompt = CONSOLE_PROMPT.matcher(content[j]);
				if (content[j].equals(command[i]) || (prompt.matches() && prompt.group(1).equals(command[i]))) {
					found = j;
					break;
				}
			}
			if (found < 0) {
				return ""; // not a subsequence of the content: keep the lines as they are
			}
			int scriptLine = block.line() + 1 + i;
			int runbookLine = block.line() + 1 + found;
			if (scriptLine != runbookLine) {
				map.put(scriptLine, runbookLine);
			}
			at = found + 1;
		}
		List<String> pairs = new ArrayList<>();
		map.forEach((scriptLine, runbookLine) -> pairs.add("[" + scriptLine + "]=" + runbookLine));
		return String.join(" ", pairs);
	}

	private static String delimiter(String text) {
		Set<String> lines = Set.copyOf(text.lines().toList());
		String delimiter = DELIMITER;
		for (int n = 2; lines.contains(delimiter); n++) {
			delimiter = DELIMITER + "_" + n;
		}
		return delimiter;
	}

	private static String codes(Set<Integer> codes) {
		return codes.stream().map(String::valueOf).collect(Collectors.joining(" "));
	}

	private static String assign(String name, String value) {
		return name + "=" + ShellQuoting.singleQuoted(value);
	}

	private static String fileName(String path) {
		String name = path.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		return name.isBlank() || name.equals(".") || name.equals("..") ? "runbook.md" : name;
	}

	private static String template(Shell shell) {
		try (InputStream in = TaskScript.class.getResourceAsStream(shell.template)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + shell.template + " beside " + TaskScript.class);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
