package dev.runbookshell.targets.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Hands the bytes written to {@link #output()} to whoever reads {@link #input()} (docker-java's stdin copier).
 * Unlike PipedInputStream it does not care which threads write, and it never polls.
 */
final class BytePipe {

	private static final byte[] END = new byte[0];

	private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

	private final InputStream input = new InputStream() {

		private byte[] chunk;

		private int position;

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			try {
				while (this.chunk == null || this.position == this.chunk.length) {
					if (this.chunk == END) {
						return -1;
					}
					this.chunk = BytePipe.this.chunks.take();
					this.position = 0;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while waiting for stdin", ex);
			}
			int n = Math.min(length, this.chunk.length - this.position);
			System.arraycopy(this.chunk, this.position, buffer, offset, n);
			this.position += n;
			return n;
		}

	};

	private final OutputStream output = new OutputStream() {

		@Override
		public void write(int b) {
			BytePipe.this.chunks.add(new byte[] { (byte) b });
		}

		@Override
		public void write(byte[] buffer, int offset, int length) {
			BytePipe.this.chunks.add(Arrays.copyOfRange(buffer, offset, offset + length));
		}

		@Override
		public void close() {
			BytePipe.this.close();
		}

	};

	/** The reader sees end of stream after what was written before. */
	void close() {
		this.chunks.add(END);
	}

	InputStream input() {
		return this.input;
	}

	OutputStream output() {
		return this.output;
	}

}
