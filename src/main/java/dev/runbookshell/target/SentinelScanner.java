package dev.runbookshell.target;

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
		int runStart = offset;
		while (i < end && this.state != State.DONE) {
			byte c = buffer[i];
			if (this.state == State.READING_CODE) {
				readCodeByte(c);
				i++;
				runStart = i;
			}
			else if (c == this.marker[this.matched]) {
				if (this.matched == 0 && i > runStart) {
					this.forward.write(buffer, runStart, i - runStart);
				}
				this.matched++;
				i++;
				runStart = i;
				if (this.matched == this.marker.length) {
					this.state = this.readsCode ? State.READING_CODE : State.DONE;
				}
			}
			else if (this.matched > 0) {
				// What looked like the marker was output after all; the current byte is checked again from scratch.
				this.forward.write(this.marker, 0, this.matched);
				this.matched = 0;
				runStart = i;
			}
			else {
				i++;
			}
		}
		if (this.state == State.SCANNING && i > runStart) {
			this.forward.write(buffer, runStart, i - runStart);
		}
		return i - offset;
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
