package dev.runbookshell.targets.docker;

import java.util.concurrent.TimeUnit;

import dev.runbookshell.targets.AliveCheck;

/**
 * Pings the engine while a shell is attached, each ping given one interval to be answered. The attached stream
 * cannot tell a block that prints nothing from an engine that stopped answering; the pings can. After
 * {@link AliveCheck#maxMissed()} unanswered pings in a row the engine counts as lost: {@code onLost} runs once (it
 * ends the shell's stream) and the watch stops.
 */
final class EngineWatch implements AutoCloseable {

	private final DockerEngine engine;

	private final AliveCheck check;

	private final Runnable onLost;

	private final Thread thread;

	private volatile boolean lost;

	private volatile boolean closed;

	private EngineWatch(DockerEngine engine, AliveCheck check, Runnable onLost) {
		this.engine = engine;
		this.check = check;
		this.onLost = onLost;
		this.thread = new Thread(this::watch, "docker-engine-watch");
		this.thread.setDaemon(true);
	}

	static EngineWatch start(DockerEngine engine, AliveCheck check, Runnable onLost) {
		EngineWatch watch = new EngineWatch(engine, check, onLost);
		watch.thread.start();
		return watch;
	}

	/** True once the engine missed too many pings. */
	boolean lost() {
		return this.lost;
	}

	private void watch() {
		long interval = this.check.interval().toNanos();
		int missed = 0;
		try {
			while (!this.closed) {
				long next = System.nanoTime() + interval;
				boolean answered = this.engine.answersPing(this.check.interval());
				if (this.closed) {
					return; // a ping cut short by close is no evidence
				}
				missed = answered ? 0 : missed + 1;
				if (missed >= this.check.maxMissed()) {
					this.lost = true;
					this.onLost.run();
					return;
				}
				TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
			}
		}
		catch (InterruptedException ex) {
			// closed: the shell is gone
		}
	}

	/** Stops watching. */
	@Override
	public void close() {
		this.closed = true;
		this.thread.interrupt();
	}

}
