package dev.runbookshell.fleet;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.runbookshell.session.Decision;
import dev.runbookshell.targets.TargetException;

/**
 * The barrier of one batch: each host's session parks here at every question about a flow block; once every
 * host still running has parked (a host whose session ended leaves), the coordinator decides and hands each its
 * answer. A semaphore bounds how many hosts run a block (or open their target) at once.
 */
final class Lockstep {

	/** How often a wait looks again at the fleet's state; every wait is woken by an event before that. */
	private static final long TICK_MILLIS = 1000;

	private final Object lock = new Object();

	private final Set<HostRun> active = new LinkedHashSet<>();

	private final Semaphore running;

	private volatile boolean aborted;

	Lockstep(List<HostRun> hosts, int parallel) {
		this.active.addAll(hosts);
		this.running = new Semaphore(parallel, true);
	}

	/** Host thread: waits for the fleet's answer to {@code parked}, then for a permit when it runs something. */
	Decision park(HostRun host, Parked parked) {
		release(host);
		Decision answer;
		synchronized (this.lock) {
			host.parked = parked;
			host.answer = null;
			this.lock.notifyAll();
			while (host.answer == null && !this.aborted) {
				waitTick();
			}
			answer = host.answer == null ? Decision.STOP : host.answer;
			host.answer = null;
			host.parked = null;
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
		synchronized (this.lock) {
			this.active.remove(host);
			this.lock.notifyAll();
		}
	}

	/**
	 * Coordinator: waits until every active host has parked; returns them with what they wait for (empty when
	 * no host is left).
	 */
	Map<HostRun, Parked> awaitParked() {
		synchronized (this.lock) {
			while (!this.active.stream().allMatch(host -> host.parked != null && host.answer == null)) {
				waitTick();
			}
			Map<HostRun, Parked> parked = new LinkedHashMap<>();
			this.active.forEach(host -> parked.put(host, host.parked));
			return parked;
		}
	}

	/** Coordinator: hands {@code host} its answer. */
	void answer(HostRun host, Decision decision) {
		synchronized (this.lock) {
			host.answer = decision;
			this.lock.notifyAll();
		}
	}

	/** Every host still waiting (for an answer or a permit) is answered stop. */
	void abort() {
		this.aborted = true;
		synchronized (this.lock) {
			this.lock.notifyAll();
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

	private void waitTick() {
		try {
			this.lock.wait(TICK_MILLIS);
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
