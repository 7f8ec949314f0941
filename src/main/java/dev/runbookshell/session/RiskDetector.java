package dev.runbookshell.session;

import dev.runbookshell.runbook.Annotations.Confirm;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.DestructiveCommands;

/**
 * Whether the operator types the target's name before a block runs: {@code confirm=typed}, or a command on
 * the one list of destructive commands ({@link DestructiveCommands}, which lint and {@code --dry-run} read too).
 * {@code confirm=never} turns detection off for a block.
 */
public final class RiskDetector {

	/**
	 * The last text detected and its answer: the engine asks about the same text several times on a block's way
	 * (prompt, decision, typed confirmation), and the answer depends on the text alone.
	 */
	private static volatile Detected last = new Detected("", null);

	private RiskDetector() {
	}

	/** Why {@code command} (what will run for {@code block}) is risky, or null when it is not. */
	public static String risk(Block block, String command) {
		Confirm confirm = block.annotations().confirmToObey().orElse(null);
		if (confirm == Confirm.TYPED) {
			return "confirm=typed";
		}
		if (confirm == Confirm.NEVER) {
			return null;
		}
		return detect(command);
	}

	/** The first destructive command in {@code command}, comments ignored; null when none. */
	public static String detect(String command) {
		Detected known = last;
		if (known.command().equals(command)) {
			return known.risk();
		}
		String risk = DestructiveCommands.first(command).map(DestructiveCommands.Risk::what).orElse(null);
		last = new Detected(command, risk);
		return risk;
	}

	private record Detected(String command, String risk) {
	}

}
