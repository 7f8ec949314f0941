package dev.runbookshell.target;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The way from the operator's keyboard to the stdin of an interactive block, which is the shell's own stdin. It is
 * armed when the block is written, opens when the block's ready marker goes by on stderr (the shell has then read
 * the whole block text, see {@link BlockScript}) and closes when the block ends; in between, {@link #send} may be
 * called from any thread. Session writes never overlap a send: the session writes only while the gate is closed.
 */
final class InputGate {

	private enum State {
		CLOSED, ARMED, OPEN
	}

	private State state = State.CLOSED;

	private OutputStream stdin;

	private ReadySignal signal;

	/**
	 * Arms the gate for one block.
	 * @return the sink to give the block: {@code sink} without the ready marker, which opens the gate
	 */
	synchronized OutputSink arm(OutputStream stdin, OutputSink sink, String readyMarker) {
		this.stdin = stdin;
		this.state = State.ARMED;
		this.signal = new ReadySignal(sink, readyMarker.getBytes(StandardCharsets.US_ASCII), this::open);
		return this.signal;
	}

	private synchronized void open() {
		if (this.state == State.ARMED) {
			this.state = State.OPEN;
		}
	}

	/** Writes {@code bytes} to the block's stdin; false (nothing written) unless the gate is open. */
	synchronized boolean send(byte[] bytes) {
		if (this.state != State.OPEN) {
			return false;
		}
		try {
			this.stdin.write(bytes);
			this.stdin.flush();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Closes the gate; from now on {@link #send} writes nothing.
	 * @return whether it was armed for the block that ended: the shell then reads away unread input up to the end
	 * marker the session must write
	 */
	boolean close() {
		ReadySignal ended;
		boolean armed;
		synchronized (this) {
			armed = this.state != State.CLOSED;
			ended = this.signal;
			this.state = State.CLOSED;
			this.stdin = null;
			this.signal = null;
		}
		// Outside the lock: the signal calls open() while holding its own.
		if (ended != null) {
			ended.finish();
		}
		return armed;
	}

	/**
	 * Passes a block's output on, except the ready marker on stderr; {@code onReady} runs when it has gone by.
	 * Bytes that might start the marker are held back until they prove not to be (the marker's only newline is its
	 * first byte, so a mismatch restarts matching at the current byte).
	 */
	private static final class ReadySignal implements OutputSink {

		private final OutputSink sink;

		private final byte[] marker;

		private final Runnable onReady;

		private int matched;

		private boolean seen;

		ReadySignal(OutputSink sink, byte[] marker, Runnable onReady) {
			this.sink = sink;
			this.marker = marker;
			this.onReady = onReady;
		}

		@Override
		public void stdout(byte[] buffer, int offset, int length) {
			this.sink.stdout(buffer, offset, length);
		}

		@Override
		public synchronized void stderr(byte[] buffer, int offset, int length) {
			int end = offset + length;
			int i = offset;
			int runStart = offset;
			while (i < end && !this.seen) {
				if (buffer[i] == this.marker[this.matched]) {
					if (this.matched == 0 && i > runStart) {
						this.sink.stderr(buffer, runStart, i - runStart);
					}
					this.matched++;
					i++;
					runStart = i;
					if (this.matched == this.marker.length) {
						this.seen = true;
						this.onReady.run();
					}
				}
				else if (this.matched > 0) {
					this.sink.stderr(this.marker, 0, this.matched);
					this.matched = 0;
					runStart = i;
				}
				else {
					i++;
				}
			}
			if (end > runStart) {
				this.sink.stderr(buffer, runStart, end - runStart);
			}
		}

		/** The block ended: what was held back was output. */
		synchronized void finish() {
			if (!this.seen && this.matched > 0) {
				this.sink.stderr(this.marker, 0, this.matched);
				this.matched = 0;
			}
		}

	}

}
