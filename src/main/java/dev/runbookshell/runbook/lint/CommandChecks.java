package dev.runbookshell.runbook.lint;

import java.util.List;
import java.util.function.IntUnaryOperator;

import dev.runbookshell.runbook.Annotations;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.DestructiveCommands;
import dev.runbookshell.runbook.DestructiveCommands.Risk;
import dev.runbookshell.runbook.SimpleCommands;
import dev.runbookshell.runbook.SimpleCommands.Command;
import dev.runbookshell.runbook.lint.CommandRules.Hint;
import dev.runbookshell.runbook.lint.RunbookLinter.Reporter;

/**
 * Applies {@link CommandRules} to each simple command of the executable blocks, in document order, and reports
 * what the one list of destructive commands ({@link DestructiveCommands}) finds: a warning when data or
 * configuration is destroyed with no backup in an earlier command, else an info saying the operator will type
 * the target's name.
 */
final class CommandChecks {

	private final Reporter report;

	/** Whether an earlier command (in this or an earlier block) looks like a backup. */
	private boolean backupSeen;

	CommandChecks(Reporter report) {
		this.report = report;
	}

	void check(List<Block> blocks) {
		for (Block block : blocks) {
			String text = block.command();
			boolean mayRunLong = block.annotations().interactive() || block.annotations().get("background").isPresent()
					|| block.annotations().get("timeout").isPresent();
			boolean functions = CommandRules.definesFunctions(text);
			SimpleCommands parsed = SimpleCommands.of(text);
			List<Command> commands = parsed.commands();
			List<Risk> risks = DestructiveCommands.find(text, parsed);
			IntUnaryOperator fileLines = block.fileLines();
			int nextRisk = 0;
			boolean typedReported = false;
			for (Command command : commands) {
				int fileLine = fileLines.applyAsInt(command.line());
				// risks of earlier lines first: a backup earlier on the same line counts for that line
				while (nextRisk < risks.size() && risks.get(nextRisk).line() < command.line()) {
					typedReported |= destructive(block, fileLines, risks.get(nextRisk++), typedReported);
				}
				if (!mayRunLong) {
					hint(block, fileLine, CommandRules.neverEnds(command));
					if (CommandRules.exitsShell(command, text, functions)) {
						this.report.warning(fileLine, "exit", "block " + block.label()
								+ ": 'exit' ends the target shell; cd, exports and functions are lost",
								"use 'return' in a function, or test and fail with 'false'");
					}
				}
				if (!block.annotations().interactive()) {
					hint(block, fileLine, CommandRules.waitsForInput(command));
				}
				if (CommandRules.isBackup(command)) {
					this.backupSeen = true;
				}
			}
			while (nextRisk < risks.size()) {
				typedReported |= destructive(block, fileLines, risks.get(nextRisk++), typedReported);
			}
		}
	}

	private void hint(Block block, int fileLine, Hint hint) {
		if (hint != null) {
			this.report.warning(fileLine, hint.rule(), "block " + block.label() + ": " + hint.what(), hint.fix());
		}
	}

	/** Returns whether it reported the block's typed confirmation (once per block is enough). */
	private boolean destructive(Block block, IntUnaryOperator fileLines, Risk risk, boolean typedReported) {
		int fileLine = fileLines.applyAsInt(risk.line());
		boolean never = block.annotations().confirmToObey().orElse(null) == Annotations.Confirm.NEVER;
		if (risk.kind().wantsBackup() && !this.backupSeen) {
			this.report.warning(fileLine, "destructive-without-backup", "block " + block.label() + ": " + risk.what()
					+ " with no backup in an earlier block",
					"take a backup first (pg_dump, tar, cp -a, a snapshot) or mark the block confirm=typed");
			return false;
		}
		if (typedReported || never) {
			return typedReported;
		}
		this.report.info(fileLine, "typed-confirmation", "block " + block.label() + ": " + risk.what()
				+ ": the operator types the target's name before it runs", "mark it confirm=never if it is harmless here");
		return true;
	}

}
