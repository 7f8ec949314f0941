package dev.runbookshell.session;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.runbook.Block;

/**
 * A block that did not succeed, offered to the operator: retry, edit and retry, ignore, roll back or stop.
 *
 * @param block the block
 * @param command the command that ran (masked)
 * @param status failed, timed-out, interrupted or unknown
 * @param exitCode the exit code, or null
 * @param message why, in one line
 * @param rollbackAvailable whether a rollback plan exists
 */
public record FailurePrompt(Block block, String command, BlockStatus status, Integer exitCode, String message,
		boolean rollbackAvailable) {
}
