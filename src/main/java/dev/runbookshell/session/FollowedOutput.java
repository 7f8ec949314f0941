package dev.runbookshell.session;

import java.time.Duration;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.DurationText;
import dev.runbookshell.runbook.FollowingCommands;
import dev.runbookshell.session.SessionListener.BlockReport;

/**
 * A block that follows output until someone stops it: {@code tail -f}, {@code journalctl -f}, {@code docker logs -f}
 * ({@code kubectl}, {@code docker compose}, ...), {@code watch}, or one annotated {@code follow=true}
 * ({@code follow=false} says it ends on its own). Ended by Ctrl-C or its timeout it is {@code stopped}, not failed,
 * and the session goes on.
 */
final class FollowedOutput {

	private static final LastReading<Boolean> LAST = new LastReading<>(FollowingCommands::anyIn);

	private FollowedOutput() {
	}

	/** Whether {@code text} (the block's command or its edit) follows output. */
	static boolean follows(Block block, String text) {
		return block.annotations().follow().orElseGet(() -> LAST.of(text));
	}

	/** How the operator learns that {@code block} waits to be stopped, and how. */
	static String hint(Block block, Duration timeout) {
		return "    " + block.label() + " follows output until it is stopped: Ctrl-C ends it"
				+ (timeout == null ? "" : " (or its timeout, " + DurationText.seconds(timeout) + ")") + " and the session goes on";
	}

	/** An interrupted or timed-out following block is stopped, and says after how long and by what. */
	static BlockReport settle(BlockReport report) {
		String by = switch (report.status()) {
			case INTERRUPTED -> "by the operator";
			case TIMED_OUT -> "at its timeout";
			default -> null;
		};
		if (by == null) {
			return report;
		}
		return new BlockReport(report.block(), BlockStatus.STOPPED, report.exitCode(), report.duration(),
				report.expectations(), "stopped " + by + " after " + DurationText.seconds(report.duration()));
	}


}
