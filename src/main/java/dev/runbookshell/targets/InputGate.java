package dev.runbookshell.targets;

import java.io.IOException;
import java.io.OutputStream;

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
	synchronized OutputSink arm(OutputStream stdin, OutputSink sink, String readySentinel) {
		this.stdin = stdin;
		this.state = State.ARMED;
		this.signal = new ReadySignal(sink, readySentinel, this::open);
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
	 * Passes a block's output on, except the ready marker on stderr, found by a {@link SentinelScanner} as the end
	 * of a block is; {@code onReady} runs when it has gone by, and stderr then flows through untouched.
	 */
	private static final class ReadySignal implements OutputSink {

		private final OutputSink sink;

		private final SentinelScanner scanner;

		private final Runnable onReady;

		private boolean seen;

		ReadySignal(OutputSink sink, String readySentinel, Runnable onReady) {
			this.sink = sink;
			this.scanner = new SentinelScanner(readySentinel, sink::stderr);
			this.onReady = onReady;
		}

		@Override
		public void stdout(byte[] buffer, int offset, int length) {
			this.sink.stdout(buffer, offset, length);
		}

		@Override
		public synchronized void stderr(byte[] buffer, int offset, int length) {
			int used = 0;
			if (!this.seen) {
				used = this.scanner.feed(buffer, offset, length);
				if (!this.scanner.done()) {
					return;
				}
				this.seen = true;
				this.onReady.run();
			}
			if (used < length) {
				this.sink.stderr(buffer, offset + used, length - used);
			}
		}

		/** The block ended: what was held back was output. */
		synchronized void finish() {
			if (!this.seen) {
				this.scanner.finish();
			}
		}

	}

}
