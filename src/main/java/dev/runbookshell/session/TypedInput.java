package dev.runbookshell.session;

import java.util.concurrent.atomic.AtomicInteger;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.targets.TargetSession;

/**
 * The {@link BlockInput} of one interactive block: asks the confirmer to pass the operator's typing to it, sends
 * to the target, and counts the lines sent so the journal can say how many were typed without saying what.
 */
final class TypedInput implements BlockInput {

	private static final long RETRY_MILLIS = 10;

	private final TargetSession target;

	private final AtomicInteger lines = new AtomicInteger();

	private volatile boolean ended;

	private Confirmer.Typing typing;

	TypedInput(TargetSession target) {
		this.target = target;
	}

	/** Starts the operator's typing into {@code block}; false when nobody can type. */
	boolean start(Confirmer confirmer, Block block) {
		this.typing = confirmer.typeInto(block, this);
		return this.typing != null;
	}

	@Override
	public boolean send(byte[] bytes) {
		// The target takes input only once its shell has read the block; until the block ends, a line typed
		// early waits for that rather than being lost.
		while (!this.ended) {
			if (this.target.sendInput(bytes)) {
				this.lines.addAndGet(Math.max(1, newlines(bytes)));
				return true;
			}
			try {
				Thread.sleep(RETRY_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	/** The block's execution returned: nothing more is sent, and the keyboard is let go. Idempotent. */
	void stop() {
		this.ended = true;
		if (this.typing != null) {
			this.typing.close();
			this.typing = null;
		}
	}

	int lines() {
		return this.lines.get();
	}

	private static int newlines(byte[] bytes) {
		int count = 0;
		for (byte b : bytes) {
			if (b == '\n') {
				count++;
			}
		}
		return count;
	}

}
