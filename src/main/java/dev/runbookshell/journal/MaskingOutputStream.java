package dev.runbookshell.journal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The streaming half of {@link SecretMasker}: masks secrets that arrive cut across any number of writes. It
 * passes on every byte that can no longer be the start of a secret and holds back the last (longest secret - 1)
 * bytes, which a later write might complete into one. It also keeps that many already passed-on bytes to look
 * back into, so a secret that began before the cut still masks its tail. {@link #close()} flushes the rest. Not
 * thread-safe: callers serialise writes.
 */
public final class MaskingOutputStream extends OutputStream {

	private static final byte[] MASK = SecretMasker.MASK.getBytes(StandardCharsets.UTF_8);

	private final OutputStream out;

	private final List<byte[]> secrets;

	private final int hold;

	/** Bytes already passed on (at most {@code hold} of them, for looking back) followed by pending bytes. */
	private byte[] window = new byte[0];

	/** Where the pending bytes start in {@link #window}. */
	private int pendingFrom;

	/** Whether the last thing passed on was a mask that reaches up to {@link #pendingFrom}. */
	private boolean inMask;

	private boolean closed;

	MaskingOutputStream(OutputStream out, List<byte[]> secrets, int longest) {
		this.out = out;
		this.secrets = secrets;
		this.hold = Math.max(0, longest - 1);
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		if (this.closed) {
			throw new IOException("masking stream is closed");
		}
		if (length == 0) {
			return;
		}
		if (this.secrets.isEmpty()) {
			this.out.write(bytes, offset, length);
			return;
		}
		byte[] grown = Arrays.copyOf(this.window, this.window.length + length);
		System.arraycopy(bytes, offset, grown, this.window.length, length);
		this.window = grown;
		passOn(this.window.length - heldTail());
	}

	/**
	 * How many trailing bytes to hold back: the longest tail that could still grow into a secret (a proper prefix
	 * of one). Everything else passes at once, so output that does not look like a secret is never delayed.
	 */
	private int heldTail() {
		int pending = this.window.length - this.pendingFrom;
		for (int k = Math.min(this.hold, pending); k > 0; k--) {
			int from = this.window.length - k;
			for (byte[] secret : this.secrets) {
				if (secret.length > k && Arrays.equals(this.window, from, from + k, secret, 0, k)) {
					return k;
				}
			}
		}
		return 0;
	}

	@Override
	public void flush() throws IOException {
		this.out.flush();
	}

	/** Passes on everything held back, then closes the underlying stream. */
	@Override
	public void close() throws IOException {
		if (this.closed) {
			return;
		}
		try {
			passOn(this.window.length);
			this.out.flush();
		}
		finally {
			this.closed = true;
			this.out.close();
		}
	}

	/** Writes pending bytes before {@code end} (masked) and keeps the look-back and the rest. */
	private void passOn(int end) throws IOException {
		if (end <= this.pendingFrom) {
			return;
		}
		boolean[] covered = coverage(end);
		int plainFrom = -1;
		for (int i = this.pendingFrom; i < end; i++) {
			if (covered[i - this.pendingFrom]) {
				if (plainFrom >= 0) {
					this.out.write(this.window, plainFrom, i - plainFrom);
					plainFrom = -1;
				}
				if (!this.inMask) {
					this.out.write(MASK);
					this.inMask = true;
				}
			}
			else {
				this.inMask = false;
				if (plainFrom < 0) {
					plainFrom = i;
				}
			}
		}
		if (plainFrom >= 0) {
			this.out.write(this.window, plainFrom, end - plainFrom);
		}
		int keepFrom = Math.max(0, end - this.hold);
		this.window = Arrays.copyOfRange(this.window, keepFrom, this.window.length);
		this.pendingFrom = end - keepFrom;
	}

	/** Which pending bytes in [pendingFrom, end) lie inside some occurrence of a secret in the window. */
	private boolean[] coverage(int end) {
		boolean[] covered = new boolean[end - this.pendingFrom];
		byte[] w = this.window;
		for (byte[] secret : this.secrets) {
			// an occurrence reaching into [pendingFrom, end) starts at most (length - 1) bytes before pendingFrom
			int from = Math.max(0, this.pendingFrom - secret.length + 1);
			int last = Math.min(end - 1, w.length - secret.length);
			byte first = secret[0];
			for (int start = from; start <= last; start++) {
				if (w[start] != first || !matchesAt(w, start, secret)) {
					continue;
				}
				int a = Math.max(start, this.pendingFrom);
				int b = Math.min(start + secret.length, end);
				Arrays.fill(covered, a - this.pendingFrom, b - this.pendingFrom, true);
			}
		}
		return covered;
	}

	private static boolean matchesAt(byte[] window, int start, byte[] secret) {
		for (int k = 1; k < secret.length; k++) {
			if (window[start + k] != secret[k]) {
				return false;
			}
		}
		return true;
	}

}
