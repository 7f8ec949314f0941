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

	private static final LastReading<String> LAST = new LastReading<>(
			command -> DestructiveCommands.first(command).map(DestructiveCommands.Risk::what).orElse(null));

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
		return LAST.of(command);
	}

}
