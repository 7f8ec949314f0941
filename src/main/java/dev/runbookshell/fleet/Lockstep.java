package dev.runbookshell.fleet;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.runbookshell.session.Decision;
import dev.runbookshell.targets.TargetException;

/**
 * The barrier of one batch: each host's session parks here at every question about a flow block; once every
 * host still running has parked (a host whose session ended leaves), the coordinator decides and hands each its
 * answer. A semaphore bounds how many hosts run a block (or open their target) at once. Each host waits on a
 * condition of its own and the coordinator on another, so a park or an answer wakes one thread, not the batch.
 */
final class Lockstep {

	/** How often a wait looks again at the fleet's state; every wait is woken by an event before that. */
	private static final long TICK_MILLIS = 1000;

	private final ReentrantLock lock = new ReentrantLock();

	/** The coordinator's: a host parked or left. */
	private final Condition changed = this.lock.newCondition();

	/** Each host's: its answer came (or the lockstep was aborted). */
	private final Map<HostRun, Condition> answered = new LinkedHashMap<>();

	private final Set<HostRun> active = new LinkedHashSet<>();

	private final Semaphore running;

	private volatile boolean aborted;

	Lockstep(List<HostRun> hosts, int parallel) {
		this.active.addAll(hosts);
		hosts.forEach(host -> this.answered.put(host, this.lock.newCondition()));
		this.running = new Semaphore(parallel, true);
	}

	/** Host thread: waits for the fleet's answer to {@code parked}, then for a permit when it runs something. */
	Decision park(HostRun host, Parked parked) {
		release(host);
		Decision answer;
		this.lock.lock();
		try {
			host.parked = parked;
			host.answer = null;
			this.changed.signal();
			Condition mine = this.answered.get(host);
			while (host.answer == null && !this.aborted) {
				waitTick(mine);
			}
			answer = host.answer == null ? Decision.STOP : host.answer;
			host.answer = null;
			host.parked = null;
		}
		finally {
			this.lock.unlock();
		}
		if (runs(answer) && !acquire(host)) {
			return Decision.STOP;
		}
		return answer;
	}

	private static boolean runs(Decision decision) {
		return switch (decision.choice()) {
			case RUN, EDIT, RETRY, EDIT_RETRY, ROLLBACK -> true;
			default -> false;
		};
	}

	/** Host thread: opens the session within the bound on parallel work. */
	HostSessions.Opened whileOpening(Opening opening) throws TargetException {
		if (!acquire(null)) {
			throw new dev.runbookshell.session.SessionRefusedException("the fleet stopped before this host started");
		}
		try {
			return opening.open();
		}
		finally {
			this.running.release();
		}
	}

	/** Host thread: its session ended. */
	void leave(HostRun host) {
		release(host);
		this.lock.lock();
		try {
			this.active.remove(host);
			this.changed.signal();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Coordinator: waits until every active host has parked; returns them with what they wait for (empty when
	 * no host is left).
	 */
	Map<HostRun, Parked> awaitParked() {
		this.lock.lock();
		try {
			while (!this.active.stream().allMatch(host -> host.parked != null && host.answer == null)) {
				waitTick(this.changed);
			}
			Map<HostRun, Parked> parked = new LinkedHashMap<>();
			this.active.forEach(host -> parked.put(host, host.parked));
			return parked;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Coordinator: hands {@code host} its answer. */
	void answer(HostRun host, Decision decision) {
		this.lock.lock();
		try {
			host.answer = decision;
			this.answered.get(host).signal();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Every host still waiting (for an answer or a permit) is answered stop. */
	void abort() {
		this.aborted = true;
		this.lock.lock();
		try {
			this.answered.values().forEach(Condition::signalAll);
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean acquire(HostRun host) {
		try {
			while (!this.running.tryAcquire(TICK_MILLIS, TimeUnit.MILLISECONDS)) {
				if (this.aborted) {
					return false;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		if (host != null) {
			host.permit = true;
		}
		return true;
	}

	private void release(HostRun host) {
		if (host.permit) {
			host.permit = false;
			this.running.release();
		}
	}

	private void waitTick(Condition condition) {
		try {
			condition.await(TICK_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.aborted = true;
		}
	}

	/** Opens one host's session. */
	@FunctionalInterface
	interface Opening {

		HostSessions.Opened open() throws TargetException;

	}

}
