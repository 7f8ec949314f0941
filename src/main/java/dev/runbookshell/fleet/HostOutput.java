package dev.runbookshell.fleet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import dev.runbookshell.session.BlockPrompt;
import dev.runbookshell.session.SessionListener;

/**
 * One host's listener: its output printed line by line prefixed by the host's name ({@code web1 | ...}), and
 * kept (capped) for the block summary that groups hosts with identical output.
 */
final class HostOutput implements SessionListener {

	/** Output kept per block per host for the summary; the journal keeps all of it. */
	static final int KEPT_BYTES = 64 * 1024;

	private final HostRun host;

	private final FleetOutput out;

	private final String prefix;

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

	private boolean truncated;

	HostOutput(HostRun host, FleetOutput out) {
		this.host = host;
		this.out = out;
		this.prefix = host.name() + " | ";
	}

	@Override
	public synchronized void blockHeader(BlockPrompt block) {
		this.kept.reset();
		this.truncated = false;
	}

	@Override
	public synchronized void output(byte[] buffer, int offset, int length) {
		int keep = Math.min(length, KEPT_BYTES - this.kept.size());
		if (keep > 0) {
			this.kept.write(buffer, offset, keep);
		}
		this.truncated |= keep < length;
		for (int i = offset; i < offset + length; i++) {
			if (buffer[i] == '\n') {
				flushLine();
			}
			else {
				this.line.write(buffer[i]);
			}
		}
	}

	private void flushLine() {
		this.out.line(this.prefix + this.line.toString(StandardCharsets.UTF_8));
		this.line.reset();
	}

	@Override
	public synchronized void blockFinished(BlockReport report) {
		if (this.line.size() > 0) {
			flushLine();
		}
		String text = this.kept.toString(StandardCharsets.UTF_8) + (this.truncated ? "\n[... cut here]" : "");
		this.kept.reset();
		this.host.finished(new HostBlock(this.host.name(), report, text));
	}

	@Override
	public void warning(String text) {
		this.out.line(this.prefix + "warning: " + text);
	}

	@Override
	public void message(String text) {
		this.out.line(this.prefix + text);
	}

}
