package dev.runbookshell.target;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Finds the end-of-block sentinel in one output stream as chunks arrive, forwarding everything before it and
 * nothing of it. The marker is {@code "\n" + sentinel} followed by either a space, an exit code and a newline
 * (stdout) or just a newline (stderr). The leading newline is the one the protocol printed, so it is dropped
 * too and the block's output reaches the sink byte for byte.
 *
 * <p>Bytes that might start the marker are held back (at most the marker's length) until they prove not to be;
 * the marker's only newline is its first byte, so a mismatch restarts matching at the current byte.
 * One instance per stream and block; used by one reader thread.
 */
final class SentinelScanner {

	/** Receives the bytes that are output. */
	interface Forward {

		void write(byte[] buffer, int offset, int length);

	}

	private enum State {
		SCANNING, READING_CODE, DONE
	}

	private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	private final byte[] marker;

	private final boolean readsCode;

	private final Forward forward;

	private State state = State.SCANNING;

	private int matched;

	private int code;

	private boolean negative;

	/**
	 * @param sentinel the per-block sentinel (no newline in it)
	 * @param withCode true for the stdout marker, which carries the exit code after a space
	 */
	SentinelScanner(String sentinel, boolean withCode, Forward forward) {
		this.marker = ("\n" + sentinel + (withCode ? " " : "\n")).getBytes(StandardCharsets.US_ASCII);
		this.readsCode = withCode;
		this.forward = forward;
	}

	/**
	 * Scans one chunk.
	 * @return how many bytes of the chunk belonged to the block; bytes after the sentinel line are not consumed
	 */
	int feed(byte[] buffer, int offset, int length) {
		int end = offset + length;
		int i = offset;
		// buffer[runStart, heldFrom or i) is output not forwarded yet; buffer[heldFrom, i) might be the marker.
		// heldFrom is -1 while the held bytes began in an earlier chunk (then they are marker[0, matched)).
		int runStart = offset;
		int heldFrom = -1;
		while (i < end && this.state != State.DONE) {
			if (this.state == State.READING_CODE) {
				readCodeByte(buffer[i]);
				i++;
				runStart = i;
			}
			else if (this.matched == 0) {
				// Only a newline can start the marker: skip to the next one in a tight loop, the hot path of a
				// block printing hundreds of MiB.
				int newline = indexOfNewline(buffer, i, end);
				if (newline < 0) {
					i = end;
				}
				else {
					this.matched = 1;
					heldFrom = newline;
					i = newline + 1;
				}
			}
			else if (buffer[i] == this.marker[this.matched]) {
				this.matched++;
				i++;
				if (this.matched == this.marker.length) {
					if (heldFrom > runStart) {
						this.forward.write(buffer, runStart, heldFrom - runStart);
					}
					this.state = this.readsCode ? State.READING_CODE : State.DONE;
					runStart = i;
				}
			}
			else {
				// What looked like the marker was output after all; the current byte is checked again from scratch.
				if (heldFrom < 0) {
					this.forward.write(this.marker, 0, this.matched);
					runStart = i;
				}
				// Held bytes of this chunk simply stay in the run, so line after line goes out in one write.
				this.matched = 0;
				heldFrom = -1;
			}
		}
		if (this.state == State.SCANNING) {
			int runEnd = this.matched == 0 ? i : heldFrom >= 0 ? heldFrom : runStart;
			if (runEnd > runStart) {
				this.forward.write(buffer, runStart, runEnd - runStart);
			}
		}
		return i - offset;
	}

	/**
	 * The first newline in {@code buffer[from, to)}, or -1. Eight bytes at a time (a zero-byte test on the word
	 * XOR newlines), so scanning costs a fraction of what decrypting the same bytes costs.
	 */
	private static int indexOfNewline(byte[] buffer, int from, int to) {
		int i = from;
		for (; i + Long.BYTES <= to; i += Long.BYTES) {
			long x = (long) WORDS.get(buffer, i) ^ NEWLINES;
			long zeroBytes = (x - ONES) & ~x & HIGH_BITS;
			if (zeroBytes != 0) {
				return i + Long.numberOfTrailingZeros(zeroBytes) / Byte.SIZE;
			}
		}
		for (; i < to; i++) {
			if (buffer[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private void readCodeByte(byte c) {
		if (c == '\n') {
			this.state = State.DONE;
		}
		else if (c == '-') {
			this.negative = true;
		}
		else if (c >= '0' && c <= '9') {
			this.code = this.code * 10 + (c - '0');
		}
	}

	/** The stream ended without the sentinel: what was held back was output. */
	void finish() {
		if (this.state == State.SCANNING && this.matched > 0) {
			this.forward.write(this.marker, 0, this.matched);
			this.matched = 0;
		}
	}

	boolean done() {
		return this.state == State.DONE;
	}

	/** The exit code carried by the stdout sentinel; valid once {@link #done()}. */
	int exitCode() {
		return this.negative ? -this.code : this.code;
	}

}
