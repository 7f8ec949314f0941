package dev.runbookshell.ansible;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;

import dev.runbookshell.ansible.TaskScript.Shell;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ParseResult;
import dev.runbookshell.runbook.SimpleCommands;
import dev.runbookshell.runbook.SimpleCommands.Command;
import dev.runbookshell.runbook.SimpleCommands.Word;
import dev.runbookshell.runbook.lint.LintFinding;
import dev.runbookshell.runbook.lint.RunbookLinter;

/**
 * What a block does that Ansible runs differently from a terminal, found with lint's own rules: an interactive
 * block, an ssh into another host, a command that never ends, an {@code exit}. Such a block is exported as it is,
 * never changed: its task carries a comment saying what happens under Ansible, and the export warns once.
 */
final class BlockNotes {

	/** Programs whose {@code -c} argument is a script of its own. */
	private static final java.util.Set<String> SHELLS = java.util.Set.of("sh", "bash", "dash", "zsh", "ksh", "su");

	/** How deep ssh is looked for in substitutions inside substitutions. */
	private static final int MAX_NESTING = 3;

	private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*(?:function\\s+\\w+|\\w+\\s*\\(\\s*\\)\\s*\\{?)");

	private final List<LintFinding> findings;

	private final ExportWarnings warnings;

	private final Shell shell;

	BlockNotes(ParseResult parsed, ExportWarnings warnings, Shell shell) {
		this.findings = new RunbookLinter().lint(parsed).stream()
			.filter(finding -> finding.rule().equals("never-ends") || finding.rule().equals("exit"))
			.toList();
		this.warnings = warnings;
		this.shell = shell;
	}

	/** The comments for {@code block}'s task; each is also a warning. */
	List<String> of(Block block) {
		List<String> notes = new ArrayList<>();
		if (block.annotations().interactive()) {
			note(notes, block.line(), "block " + block.label() + " is interactive=true: nobody can type into an "
					+ "Ansible task, so it runs with stdin from /dev/null (a read gets end of file), as runbook run "
					+ "does unattended");
		}
		int last = block.line() + block.content().split("\n", -1).length;
		for (LintFinding finding : this.findings) {
			if (finding.line() > block.line() && finding.line() <= last) {
				String consequence = finding.rule().equals("exit") ? "the next task starts a fresh shell"
						: "no terminal either; the task ends by its timeout at the latest, as with runbook run --yes";
				note(notes, finding.line(), finding.message() + " (under Ansible: " + consequence + ")");
			}
		}
		sshLines(block, notes);
		if (this.shell == Shell.SH && FUNCTION.matcher(block.command()).find()) {
			note(notes, block.line(), "block " + block.label() + " defines a function: with shell: sh functions "
					+ "do not carry over to the next task (sh cannot print them)");
		}
		return notes;
	}

	/**
	 * Every ssh the block runs, with or without a command, with or without {@code timeout=} (lint warns only of an
	 * interactive one, and not at all in a block with a timeout): under Ansible it starts on each inventory host.
	 * An ssh lint has already named on its line is not said twice.
	 */
	private void sshLines(Block block, List<String> notes) {
		IntUnaryOperator fileLines = block.fileLines();
		List<Ssh> found = new ArrayList<>();
		ssh(block.command(), 0, 0, found);
		for (Ssh ssh : found) {
			int line = fileLines.applyAsInt(ssh.line());
			boolean named = this.findings.stream().anyMatch(f -> f.line() == line && f.message().contains("'ssh "));
			if (!named) {
				String text = ssh.text().replace("\n", " ");
				note(notes, line, "block " + block.label() + " runs '" + (text.length() > 60 ? text.substring(0, 59) + "~"
						: text) + "': under Ansible that ssh starts on each inventory host, with that host's keys, agent "
						+ "and known_hosts, with no terminal and stdin from /dev/null, so a password, passphrase or "
						+ "host-key question fails it; give the other host its own target, or check it works from each host");
			}
		}
	}

	/**
	 * The ssh commands of {@code text} (its first line being command line {@code firstLine}), also inside command
	 * substitutions and {@code sh -c '...'}, which {@link SimpleCommands} keeps as one word.
	 */
	private static void ssh(String text, int firstLine, int depth, List<Ssh> found) {
		for (Command command : SimpleCommands.of(text).commands()) {
			if (command.program().equals("ssh")) {
				found.add(new Ssh(firstLine + command.line(), command.text(text)));
			}
			if (depth >= MAX_NESTING) {
				continue;
			}
			boolean shell = SHELLS.contains(command.program());
			for (int i = 0; i < command.words().size(); i++) {
				Word word = command.words().get(i);
				int at = word.text().indexOf("$(");
				int tick = word.text().indexOf('`');
				String inner = at >= 0 ? word.text().substring(at + 2)
						: tick >= 0 ? word.text().substring(tick + 1).replace('`', ' ')
						: shell && i > 0 && command.words().get(i - 1).text().equals("-c") ? word.text() : null;
				if (inner != null) {
					int wordLine = firstLine + (int) text.chars().limit(word.start()).filter(c -> c == '\n').count();
					ssh(inner, wordLine, depth + 1, found);
				}
			}
		}
	}

	/** An ssh command: its 0-based line of the block's command, and its text. */
	private record Ssh(int line, String text) {
	}

	private void note(List<String> notes, int line, String text) {
		notes.add(text);
		this.warnings.add(line, text);
	}

}
