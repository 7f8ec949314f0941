package dev.runbookshell.targets;

import java.io.ByteArrayOutputStream;

/** Keeps a protocol block's output in memory (the shell's start-up probe: a line or two). */
record CapturingSink(ByteArrayOutputStream out, ByteArrayOutputStream err) implements OutputSink {

	@Override
	public void stdout(byte[] buffer, int offset, int length) {
		this.out.write(buffer, offset, length);
	}

	@Override
	public void stderr(byte[] buffer, int offset, int length) {
		this.err.write(buffer, offset, length);
	}

}
