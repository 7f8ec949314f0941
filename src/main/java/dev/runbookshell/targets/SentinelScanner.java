package dev.runbookshell.targets;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Finds the end-of-block sentinel in one output stream as chunks arrive, forwarding everything before it and
 * nothing of it. The marker is an ASCII record separator (0x1E) and the sentinel, followed by either a space, an
 * exit code and a newline (stdout) or just a newline (stderr), so the block's output reaches the sink byte for
 * byte, whether or not it ended with a newline.
 *
 * <p>Bytes that might start the marker are held back (at most the marker's length) until they prove not to be.
 * Output hardly ever holds the record separator, so nothing of ordinary output waits: a line is shown with its
 * newline as soon as it arrives (with a newline as first byte, a prompt like {@code read}'s would wait without
 * its newline, and the operator's typing would land at its end). The marker's only separator is its first byte,
 * so a mismatch restarts matching at the current byte.
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

	/** What the marker starts with, and what the fast scan looks for. */
	static final byte START = 0x1E;

	private static final long STARTS = 0x1E1E1E1E1E1E1E1EL;

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
		this.marker = ((char) START + sentinel + (withCode ? " " : "\n")).getBytes(StandardCharsets.US_ASCII);
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
				// Only the separator can start the marker: skip to the next one in a tight loop, the hot path of a
				// block printing hundreds of MiB.
				int start = indexOfStart(buffer, i, end);
				if (start < 0) {
					i = end;
				}
				else {
					this.matched = 1;
					heldFrom = start;
					i = start + 1;
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
	 * The first separator in {@code buffer[from, to)}, or -1. Eight bytes at a time (a zero-byte test on the word
	 * XOR separators), so scanning costs a fraction of what decrypting the same bytes costs.
	 */
	private static int indexOfStart(byte[] buffer, int from, int to) {
		int i = from;
		for (; i + Long.BYTES <= to; i += Long.BYTES) {
			long x = (long) WORDS.get(buffer, i) ^ STARTS;
			long zeroBytes = (x - ONES) & ~x & HIGH_BITS;
			if (zeroBytes != 0) {
				return i + Long.numberOfTrailingZeros(zeroBytes) / Byte.SIZE;
			}
		}
		for (; i < to; i++) {
			if (buffer[i] == START) {
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
