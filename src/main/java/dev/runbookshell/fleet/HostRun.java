package dev.runbookshell.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.session.Decision;
import dev.runbookshell.session.JournalProof;
import dev.runbookshell.session.RunSession;
import dev.runbookshell.session.SessionRefusedException;
import dev.runbookshell.session.SessionResult;
import dev.runbookshell.targets.TargetException;

/**
 * One host's session on its own thread, and what the fleet knows of it. Fields the coordinator reads are guarded
 * by the {@link Lockstep}'s lock, or volatile.
 */
final class HostRun {

	final FleetHost host;

	volatile HostState state = HostState.NOT_RUN;

	volatile String message;

	volatile String journal;

	volatile RunSession session;

	/** Its journal's signature file once one was written, else null. */
	volatile Path signature;

	/** Where its journal was shipped, else null. */
	volatile String shippedTo;

	/** Guarded by the lockstep's lock. */
	Parked parked;

	/** Guarded by the lockstep's lock. */
	Decision answer;

	/** The fleet's typed confirmation for the block just decided. */
	volatile boolean typed;

	/** Rolled back after a failure: the failed block's second question is answered with stop. */
	volatile boolean rolledBack;

	/** Holds one of the lockstep's running permits. */
	boolean permit;

	private final List<HostBlock> finished = new ArrayList<>();

	private Thread thread;

	HostRun(FleetHost host) {
		this.host = host;
	}

	String name() {
		return this.host.name();
	}

	synchronized void finished(HostBlock block) {
		this.finished.add(block);
		if (!block.report().status().ranToEnd() && block.report().status() != BlockStatus.SKIPPED) {
			this.message = block.report().block().label() + " " + block.report().status().wire()
					+ (block.report().message() == null ? "" : ": " + block.report().message());
		}
		else if (block.report().status().ranToEnd()) {
			this.message = null;
		}
	}

	/** The block runs ended since the last call. */
	synchronized List<HostBlock> drainFinished() {
		List<HostBlock> drained = List.copyOf(this.finished);
		this.finished.clear();
		return drained;
	}

	void start(HostSessions sessions, Lockstep lockstep, SharedAnswers shared, FleetOutput out) {
		this.state = HostState.RUNNING;
		this.thread = new Thread(() -> run(sessions, lockstep, shared, out), "fleet-" + name());
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run(HostSessions sessions, Lockstep lockstep, SharedAnswers shared, FleetOutput out) {
		JournalProof proof = null;
		try {
			RunSession started;
			try {
				HostSessions.Opened opened = lockstep.whileOpening(() -> sessions.start(this.host,
						new HostConfirmer(this, lockstep, shared), new HostOutput(this, out)));
				started = opened.session();
				proof = opened.proof();
			}
			catch (TargetException ex) {
				ended(HostState.UNREACHABLE, ex.getMessage());
				return;
			}
			this.session = started;
			this.journal = started.journalLocation();
			try (started) {
				started.runToEnd();
				SessionResult result = started.finish();
				ended(stateOf(result, started), started.stopReason());
			}
			catch (TargetException ex) {
				ended(HostState.UNKNOWN, "connection lost: " + ex.getMessage());
			}
		}
		catch (SessionRefusedException ex) {
			ended(this.session == null ? HostState.REFUSED : HostState.FAILED, ex.getMessage());
		}
		catch (RuntimeException ex) {
			ended(HostState.FAILED, "unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		finally {
			if (this.state == HostState.RUNNING) {
				this.state = HostState.FAILED;
			}
			try {
				if (proof != null) {
					finish(proof, out);
				}
			}
			finally {
				lockstep.leave(this); // else the fleet waits for this host forever
			}
		}
	}

	/** The journal is closed: where its signature is (or why there is none) and how much was shipped. */
	private void finish(JournalProof proof, FleetOutput out) {
		String prefix = name() + " | ";
		proof.finish(line -> out.line(prefix + line), error -> out.error(prefix + error));
		this.signature = proof.signature().orElse(null);
		this.shippedTo = proof.shippedTo().orElse(null);
	}

	private void ended(HostState state, String why) {
		this.state = state;
		if (why != null && (this.message == null || state != HostState.FAILED)) {
			this.message = why;
		}
	}

	private static HostState stateOf(SessionResult result, RunSession session) {
		if (session.connectionLostIn().isPresent()) {
			return HostState.UNKNOWN;
		}
		return switch (result.status()) {
			case SUCCEEDED -> HostState.SUCCEEDED;
			case FAILED -> HostState.FAILED;
			case STOPPED -> HostState.STOPPED;
			case INTERRUPTED -> HostState.INTERRUPTED;
		};
	}

	void interrupt() {
		RunSession running = this.session;
		if (running != null) {
			running.interrupt();
		}
	}

	/** Waits for the host's thread to end; false when it did not within {@code millis}. */
	boolean join(long millis) throws InterruptedException {
		if (this.thread == null) {
			return true;
		}
		this.thread.join(millis);
		return !this.thread.isAlive();
	}

}
