package dev.runbookshell.targets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Keeps a block's stdout and stderr apart, as text. */
final class CollectingSink implements OutputSink {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Override
	public synchronized void stdout(byte[] buffer, int offset, int length) {
		this.out.write(buffer, offset, length);
		notifyAll();
	}

	@Override
	public synchronized void stderr(byte[] buffer, int offset, int length) {
		this.err.write(buffer, offset, length);
	}

	synchronized String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	/** Waits until stdout shows {@code text} (the block has started); false when it did not within {@code timeout}. */
	synchronized boolean awaitOut(String text, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!out().contains(text)) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			TimeUnit.NANOSECONDS.timedWait(this, left);
		}
		return true;
	}

	synchronized String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
