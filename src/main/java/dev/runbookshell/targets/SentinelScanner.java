package dev.runbookshell.targets;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Finds the protocol's frames in one output stream as chunks arrive, forwarding everything else and nothing of
 * them. A frame starts with an ASCII record separator (0x1E) and the block's sentinel; the byte after it says
 * what follows: a space, an exit code and a newline (the end of stdout); a newline (the end of stderr); {@code !}
 * and one line (a failed command, see {@link FailedCommand}); {@code =} and a newline (what follows, up to the
 * end, is the shell's state, kept apart from the output). So the block's output reaches the sink byte for byte,
 * whether or not it ended with a newline.
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

	/** Receives the failure records found in the stream. */
	interface Records {

		void record(String text);

	}

	private enum State {
		SCANNING, KIND, READING_CODE, READING_RECORD, SKIPPING_LINE, DONE
	}

	private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	/** What the marker starts with, and what the fast scan looks for. */
	static final byte START = 0x1E;

	private static final long STARTS = 0x1E1E1E1E1E1E1E1EL;

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	/** A record longer than this is cut (a command line can be long, but not unbounded). */
	private static final int MAX_RECORD = 4096;

	/** State beyond this is dropped: a shell with megabytes of functions is not restored from the journal. */
	private static final int MAX_STATE = 1024 * 1024;

	private final byte[] marker;

	private final Records records;

	private Forward forward;

	private State state = State.SCANNING;

	private int matched;

	private int code;

	private boolean negative;

	private final ByteArrayOutputStream record = new ByteArrayOutputStream();

	private ByteArrayOutputStream shellState;

	/** @param sentinel the per-block sentinel (no newline in it) */
	SentinelScanner(String sentinel, Forward forward) {
		this(sentinel, forward, text -> {
		});
	}

	SentinelScanner(String sentinel, Forward forward, Records records) {
		this.marker = ((char) START + sentinel).getBytes(StandardCharsets.US_ASCII);
		this.forward = forward;
		this.records = records;
	}

	/**
	 * Scans one chunk.
	 * @return how many bytes of the chunk belonged to the block; bytes after the end frame are not consumed
	 */
	int feed(byte[] buffer, int offset, int length) {
		int end = offset + length;
		int i = offset;
		// buffer[runStart, heldFrom or i) is output not forwarded yet; buffer[heldFrom, i) might be the marker.
		// heldFrom is -1 while the held bytes began in an earlier chunk (then they are marker[0, matched)).
		int runStart = offset;
		int heldFrom = -1;
		while (i < end && this.state != State.DONE) {
			if (this.state == State.KIND && " \n!=".indexOf(buffer[i]) < 0) {
				// The sentinel followed by anything else was output after all; the byte is scanned again.
				this.forward.write(this.marker, 0, this.marker.length);
				this.state = State.SCANNING;
				runStart = i;
			}
			else if (this.state != State.SCANNING) {
				frameByte(buffer[i]);
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
					this.matched = 0;
					heldFrom = -1;
					this.state = State.KIND;
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

	private void frameByte(byte c) {
		switch (this.state) {
			case KIND -> {
				switch (c) {
					case ' ' -> this.state = State.READING_CODE;
					case '\n' -> this.state = State.DONE;
					case '!' -> {
						this.record.reset();
						this.state = State.READING_RECORD;
					}
					case '=' -> {
						// From here to the end the stream carries the shell's state, not output.
						this.shellState = new ByteArrayOutputStream();
						this.forward = this::keepState;
						this.state = State.SKIPPING_LINE;
					}
					default -> throw new IllegalStateException("not a frame kind: " + c);
				}
			}
			case READING_CODE -> readCodeByte(c);
			case READING_RECORD -> {
				if (c == '\n') {
					this.records.record(this.record.toString(StandardCharsets.UTF_8));
					this.state = State.SCANNING;
				}
				else if (this.record.size() < MAX_RECORD) {
					this.record.write(c);
				}
			}
			case SKIPPING_LINE -> {
				if (c == '\n') {
					this.state = State.SCANNING;
				}
			}
			default -> {
			}
		}
	}

	private void keepState(byte[] buffer, int offset, int length) {
		if (this.shellState.size() < MAX_STATE) {
			this.shellState.write(buffer, offset, Math.min(length, MAX_STATE - this.shellState.size()));
		}
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

	/** The shell's state the stream carried before its end, or null. */
	byte[] shellState() {
		return this.shellState == null ? null : this.shellState.toByteArray();
	}

}
