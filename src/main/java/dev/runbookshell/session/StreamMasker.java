package dev.runbookshell.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Masks secrets in a byte stream that arrives in arbitrary chunks: bytes that could be the start of a secret
 * are held back until the next chunk shows whether they are.
 */
final class StreamMasker {

	private static final byte[] MASK = SecretValues.MASK.getBytes(StandardCharsets.UTF_8);

	private final List<byte[]> secrets;

	private final Downstream downstream;

	private byte[] pending = new byte[0];

	StreamMasker(List<byte[]> secrets, Downstream downstream) {
		this.secrets = secrets;
		this.downstream = downstream;
	}

	synchronized void write(byte[] buffer, int offset, int length) {
		if (this.secrets.isEmpty()) {
			this.downstream.write(buffer, offset, length);
			return;
		}
		byte[] data = new byte[this.pending.length + length];
		System.arraycopy(this.pending, 0, data, 0, this.pending.length);
		System.arraycopy(buffer, offset, data, this.pending.length, length);
		ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
		int i = 0;
		scan: while (i < data.length) {
			for (byte[] secret : this.secrets) {
				int match = matchAt(data, i, secret);
				if (match == secret.length) {
					out.write(MASK, 0, MASK.length);
					i += secret.length;
					continue scan;
				}
				if (match == data.length - i) {
					break scan; // the rest may be a secret cut in two: wait for more
				}
			}
			out.write(data[i]);
			i++;
		}
		this.pending = Arrays.copyOfRange(data, i, data.length);
		if (out.size() > 0) {
			this.downstream.write(out.toByteArray(), 0, out.size());
		}
	}

	/** Emits what was held back: the stream ended, so it cannot be a secret any more. */
	synchronized void flush() {
		if (this.pending.length > 0) {
			this.downstream.write(this.pending, 0, this.pending.length);
			this.pending = new byte[0];
		}
	}

	/** How many bytes of {@code secret} match {@code data} from {@code from}, up to the end of either. */
	private static int matchAt(byte[] data, int from, byte[] secret) {
		int n = 0;
		while (n < secret.length && from + n < data.length && data[from + n] == secret[n]) {
			n++;
		}
		return n;
	}

	/** Receives the masked bytes. */
	interface Downstream {

		void write(byte[] buffer, int offset, int length);

	}

}
