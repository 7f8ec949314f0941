package dev.runbookshell.session;

import java.time.Duration;

/**
 * Counts the calls of a session's own thread that are inside the engine, so that another thread (a signal) can
 * wait for it to come out before it closes the session.
 */
final class EngineCalls {

	private int inside;

	/** Marks a call as inside until the returned handle is closed. */
	synchronized Call enter() {
		this.inside++;
		return () -> {
			synchronized (this) {
				this.inside--;
				notifyAll();
			}
		};
	}

	/** Waits up to {@code timeout} until no call is inside; whether none is. */
	synchronized boolean awaitNone(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			for (long left = timeout.toMillis(); this.inside > 0 && left > 0;
					left = (deadline - System.nanoTime()) / 1_000_000) {
				wait(left);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return this.inside == 0;
	}

	/** One call inside the engine; closing it marks its end. */
	interface Call extends AutoCloseable {

		@Override
		void close();

	}

}
