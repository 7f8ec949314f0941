package dev.runbookshell.runbook.lint;

import java.util.List;
import java.util.Optional;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ShellText;
import dev.runbookshell.runbook.lint.CommandRules.Rule;
import dev.runbookshell.runbook.lint.RunbookLinter.Reporter;

/** Applies {@link CommandRules} to each command line of the executable blocks, in document order. */
final class CommandChecks {

	private final Reporter report;

	/** Whether an earlier line (in this or an earlier block) looks like a backup. */
	private boolean backupSeen;

	CommandChecks(Reporter report) {
		this.report = report;
	}

	void check(List<Block> blocks) {
		for (Block block : blocks) {
			boolean mayRunLong = block.annotations().interactive() || block.annotations().get("background").isPresent()
					|| block.annotations().get("timeout").isPresent();
			String[] lines = ShellText.of(block.content()).commentsBlanked().split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				String line = commandPart(block, lines[i]);
				if (line == null || line.isBlank()) {
					continue;
				}
				int fileLine = block.line() + 1 + i;
				if (!mayRunLong) {
					neverEnds(block, line, String.join("\n", lines), fileLine);
				}
				destructive(block, line, fileLine);
				if (CommandRules.BACKUP.matcher(line).find()) {
					this.backupSeen = true;
				}
			}
		}
	}

	private void neverEnds(Block block, String line, String wholeBlock, int fileLine) {
		for (Rule rule : CommandRules.NEVER_ENDS) {
			if (rule.pattern().matcher(line).find()) {
				this.report.warning(fileLine, "never-ends", "block " + block.label() + ": " + rule.what()
						+ " and the session waits for it", rule.fix());
				return;
			}
		}
		Optional<String> host = CommandRules.interactiveSsh(line);
		if (host.isPresent()) {
			this.report.warning(fileLine, "never-ends", "block " + block.label() + ": 'ssh " + host.get()
					+ "' opens an interactive shell on another host",
					"pass the command to ssh ('ssh " + host.get() + " cmd') or declare the host as a target");
			return;
		}
		if (CommandRules.exitsShell(line, wholeBlock)) {
			this.report.warning(fileLine, "exit", "block " + block.label()
					+ ": 'exit' ends the target shell; cd, exports and functions are lost",
					"use 'return' in a function, or test and fail with 'false'");
		}
	}

	private void destructive(Block block, String line, int fileLine) {
		if (this.backupSeen) {
			return;
		}
		for (Rule rule : CommandRules.DESTRUCTIVE) {
			if (rule.pattern().matcher(line).find()) {
				this.report.warning(fileLine, "destructive-without-backup", "block " + block.label() + ": " + rule.what()
						+ " with no backup in an earlier block",
						"take a backup first (pg_dump, tar, cp -a, a snapshot) or mark the block confirm=typed");
				return;
			}
		}
	}

	/** For console blocks only the prompt lines run; null for sample output. */
	private static String commandPart(Block block, String line) {
		if (!block.language().equals("console")) {
			return line;
		}
		String trimmed = line.stripLeading();
		return trimmed.startsWith("$ ") ? trimmed.substring(2) : null;
	}

}
