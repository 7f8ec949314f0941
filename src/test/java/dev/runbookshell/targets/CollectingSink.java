package dev.runbookshell.targets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps a block's stdout and stderr apart, as text. */
final class CollectingSink implements OutputSink {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Override
	public synchronized void stdout(byte[] buffer, int offset, int length) {
		this.out.write(buffer, offset, length);
	}

	@Override
	public synchronized void stderr(byte[] buffer, int offset, int length) {
		this.err.write(buffer, offset, length);
	}

	synchronized String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	synchronized String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
