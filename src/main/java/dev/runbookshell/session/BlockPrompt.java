package dev.runbookshell.session;

import java.util.List;

import dev.runbookshell.runbook.Block;

/**
 * Everything the operator sees before deciding whether a block runs.
 *
 * @param block the block
 * @param index 1-based position in the session's flow (0 for a block outside it, e.g. a rollback block)
 * @param total number of blocks in the flow
 * @param headingPath section titles from the top down
 * @param targetName the target it runs on
 * @param command the command with known values substituted and secrets masked
 * @param risk why the block is risky (asks for the target's name when run), or null
 * @param source what an edit starts from: the block's text (or the operator's last edit of it) with its
 * placeholder tokens in place, so that values stay data, and secrets masked
 */
public record BlockPrompt(Block block, int index, int total, List<String> headingPath, String targetName,
		String command, String risk, String source) {

	public BlockPrompt {
		headingPath = List.copyOf(headingPath);
	}

	/** A prompt whose edit starts from the block's own text. */
	public BlockPrompt(Block block, int index, int total, List<String> headingPath, String targetName,
			String command, String risk) {
		this(block, index, total, headingPath, targetName, command, risk, block.command());
	}

}
