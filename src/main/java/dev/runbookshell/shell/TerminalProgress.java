package dev.runbookshell.shell;

import java.io.PrintWriter;
import java.time.Duration;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.session.BlockPrompt;

/**
 * {@link SessionPrinter} for the interactive shell: the header says where in the runbook a block is
 * ({@code block 9/26 · Phase 4: Cutover}), and a block that runs quietly gets an elapsed-time line every 15 s
 * so the operator knows it is still running.
 */
class TerminalProgress extends SessionPrinter {

	private static final Duration QUIET = Duration.ofSeconds(15);

	private volatile long lastOutput;

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
	}

	@Override
	public void output(byte[] buffer, int offset, int length, boolean stderr) {
		this.lastOutput = System.nanoTime();
		super.output(buffer, offset, length, stderr);
	}

	@Override
	public Duration tickInterval() {
		return Duration.ofSeconds(1);
	}

	@Override
	public void elapsed(Block block, Duration elapsed) {
		if (System.nanoTime() - this.lastOutput >= QUIET.toNanos()) {
			this.lastOutput = System.nanoTime();
			message("    ... " + block.label() + " still running (" + duration(elapsed) + "; Ctrl-C interrupts it)");
		}
	}

}
