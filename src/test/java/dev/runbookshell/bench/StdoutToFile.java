package dev.runbookshell.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import dev.runbookshell.targets.OutputSink;

/** The throughput benches' sink: a block's stdout written to a (buffered) file stream, stderr dropped. */
record StdoutToFile(OutputStream out) implements OutputSink {

	@Override
	public void stdout(byte[] buffer, int offset, int length) {
		try {
			this.out.write(buffer, offset, length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void stderr(byte[] buffer, int offset, int length) {
	}

}
