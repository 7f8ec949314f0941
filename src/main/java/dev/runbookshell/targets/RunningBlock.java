package dev.runbookshell.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The block the shell is running now: where its output goes and how far it got. Reader threads feed it; the
 * thread in {@link SentinelShellSession#execute} waits on it.
 */
final class RunningBlock {

	/** What the waiting thread learned. */
	enum Progress {

		/** Both sentinels arrived (or stdout's did and stderr's stayed away past the grace). */
		COMPLETE,
		/** The shell's output ended before the sentinel: the shell or the connection is gone. */
		ENDED,
		/** Nothing decisive before the wait ended. */
		RUNNING

	}

	private static final long STDERR_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

	private final SentinelScanner out;

	private final SentinelScanner err;

	private boolean outDone;

	private boolean errDone;

	private boolean ended;

	private long outDoneAt;

	private boolean wakeUp;

	private final List<FailedCommand> failures = new ArrayList<>();

	private int failedCount;

	RunningBlock(String sentinel, OutputSink sink) {
		this.out = new SentinelScanner(sentinel, sink::stdout);
		this.err = new SentinelScanner(sentinel, sink::stderr, this::failed);
	}

	/** A failure record from the shell's trap (on the stderr reader's thread). */
	private synchronized void failed(String record) {
		FailedCommand failure = FailedCommand.parse(record);
		if (failure != null) {
			this.failedCount++;
			if (this.failures.size() < ExecResult.KEPT_FAILURES) {
				this.failures.add(failure);
			}
		}
	}

	/** The failed commands reported so far, in the order they failed. */
	synchronized List<FailedCommand> failures() {
		return List.copyOf(this.failures);
	}

	synchronized int failedCount() {
		return this.failedCount;
	}

	/** What the shell printed as its state at the block's end, or null. */
	synchronized byte[] shellState() {
		return this.errDone ? this.err.shellState() : null;
	}

	void stdout(byte[] buffer, int offset, int length) {
		if (this.out.done()) {
			return;
		}
		this.out.feed(buffer, offset, length);
		if (this.out.done()) {
			synchronized (this) {
				this.outDone = true;
				this.outDoneAt = System.nanoTime();
				notifyAll();
			}
		}
	}

	void stderr(byte[] buffer, int offset, int length) {
		if (this.err.done()) {
			return;
		}
		this.err.feed(buffer, offset, length);
		if (this.err.done()) {
			synchronized (this) {
				this.errDone = true;
				notifyAll();
			}
		}
	}

	/** Called once both output streams ended, so no reader thread is scanning any more. */
	void ended() {
		this.out.finish();
		this.err.finish();
		synchronized (this) {
			this.ended = true;
			notifyAll();
		}
	}

	/** Ends a wait early, e.g. when the operator interrupts. */
	synchronized void wakeUp() {
		this.wakeUp = true;
		notifyAll();
	}

	/**
	 * Waits until the block completed, the shell's output ended, {@link #wakeUp()} was called or the deadline
	 * ({@link System#nanoTime()} based) passed.
	 */
	synchronized Progress await(long deadlineNanos) throws InterruptedException {
		while (true) {
			Progress progress = progress();
			if (progress != Progress.RUNNING || this.wakeUp) {
				this.wakeUp = false;
				return progress;
			}
			long until = deadlineNanos;
			if (this.outDone) {
				until = Math.min(until, this.outDoneAt + STDERR_GRACE_NANOS);
			}
			long left = until - System.nanoTime();
			if (left <= 0) {
				return progress();
			}
			TimeUnit.NANOSECONDS.timedWait(this, left);
		}
	}

	private Progress progress() {
		if (this.outDone && (this.errDone || System.nanoTime() - this.outDoneAt >= STDERR_GRACE_NANOS)) {
			return Progress.COMPLETE;
		}
		return this.ended ? Progress.ENDED : Progress.RUNNING;
	}

	/** The code printed with the stdout sentinel. */
	int exitCode() {
		return this.out.exitCode();
	}

}
