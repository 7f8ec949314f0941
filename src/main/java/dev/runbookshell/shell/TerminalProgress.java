package dev.runbookshell.shell;

import java.io.PrintWriter;
import java.time.Duration;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.DurationText;
import dev.runbookshell.session.BlockPrompt;

/**
 * {@link SessionPrinter} for an operator at a terminal: the header says where in the runbook a block is
 * ({@code block 9/26 · Phase 4: Cutover}), and a running block gets a line with its elapsed time and how to stop
 * it after 15 s without output, and every minute while its output flows (a {@code logs -f} never goes quiet).
 */
class TerminalProgress extends SessionPrinter {

	private static final Duration QUIET = Duration.ofSeconds(15);

	private static final Duration EVEN_WHEN_BUSY = Duration.ofMinutes(1);

	private volatile long lastOutput;

	private volatile long lastElapsedLine;

	TerminalProgress(PrintWriter out) {
		super(out);
	}

	@Override
	public void blockHeader(BlockPrompt block) {
		super.blockHeader(block);
		if (block.index() > 0) {
			String phase = block.headingPath().isEmpty() ? "" : " · " + block.headingPath().get(0);
			message("    block " + block.index() + "/" + block.total() + phase);
		}
		this.lastOutput = System.nanoTime();
		this.lastElapsedLine = this.lastOutput;
	}

	@Override
	public void output(byte[] buffer, int offset, int length) {
		this.lastOutput = System.nanoTime();
		super.output(buffer, offset, length);
	}

	@Override
	public Duration tickInterval() {
		return Duration.ofSeconds(1);
	}

	@Override
	public void elapsed(Block block, Duration elapsed) {
		long now = System.nanoTime();
		if (now - this.lastOutput >= QUIET.toNanos() || now - this.lastElapsedLine >= EVEN_WHEN_BUSY.toNanos()) {
			this.lastOutput = now;
			this.lastElapsedLine = now;
			message("    ... " + block.label() + " still running (" + DurationText.terminal(elapsed) + "; Ctrl-C stops it)");
		}
	}

}
