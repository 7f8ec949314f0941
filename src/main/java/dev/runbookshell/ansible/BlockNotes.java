package dev.runbookshell.ansible;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.runbookshell.ansible.TaskScript.Shell;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ParseResult;
import dev.runbookshell.runbook.lint.LintFinding;
import dev.runbookshell.runbook.lint.RunbookLinter;

/**
 * What a block does that Ansible runs differently from a terminal, found with lint's own rules: an interactive
 * block, an ssh into another host, a command that never ends, an {@code exit}. Such a block is exported as it is,
 * never changed: its task carries a comment saying what happens under Ansible, and the export warns once.
 */
final class BlockNotes {

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
		if (this.shell == Shell.SH && FUNCTION.matcher(block.command()).find()) {
			note(notes, block.line(), "block " + block.label() + " defines a function: with shell: sh functions "
					+ "do not carry over to the next task (sh cannot print them)");
		}
		return notes;
	}

	private void note(List<String> notes, int line, String text) {
		notes.add(text);
		this.warnings.add(line, text);
	}

}
