package dev.runbookshell.session;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetSession;

/**
 * Walks a runbook's flow blocks (not its rollback sections) on one target session: asks the {@link Confirmer}
 * before each block, runs it, records everything in the journal and reports progress to the
 * {@link SessionListener}. The same engine serves the operator at a terminal, {@code --yes}, an answers file and a
 * replayed log. Not thread-safe, except {@link #interrupt()}.
 */
public final class RunSession implements AutoCloseable {

	/** Unattended blocks without a timeout of their own give up after this long. */
	public static final Duration UNATTENDED_TIMEOUT = SessionState.UNATTENDED_TIMEOUT;

	/** What a step of the walk led to. */
	public enum Step {

		/** A block was handled; more may follow. */
		ADVANCED,
		/** The operator (or the answers) stopped the session. */
		STOPPED,
		/** The flow has no more blocks. */
		END

	}

	final SessionState state;

	private final BlockWalk walk;

	private final ScheduledExecutorService ticker;

	private final EngineCalls calls = new EngineCalls();

	private boolean closed;

	private RunSession(SessionState state, ScheduledExecutorService ticker) {
		this.state = state;
		this.ticker = ticker;
		this.walk = new BlockWalk(state, new BlockExecution(state.target, state.recorder, state.listener,
				state.secrets, ticker, state.confirmer, state.runbook.file()));
	}

	/**
	 * Starts (or resumes) a session: checks a resumed or replayed log against the runbook and the target, then
	 * writes {@code session-started} (or {@code session-resumed}).
	 * @throws SessionRefusedException when a log does not match, a {@code --from}/{@code --to} block or a
	 * {@code --var} value is invalid
	 */
	public static RunSession start(Runbook runbook, TargetSession target, SessionJournal journal, Confirmer confirmer,
			SessionListener listener, SessionSettings settings) {
		SessionState state = SessionStart.begin(runbook, target, journal, confirmer, listener, settings);
		ScheduledExecutorService ticker = listener.tickInterval() == null ? null
				: Executors.newSingleThreadScheduledExecutor(r -> {
					Thread thread = new Thread(r, "block-elapsed");
					thread.setDaemon(true);
					return thread;
				});
		return new RunSession(state, ticker);
	}

	/**
	 * Refuses, before any target is opened or journal written, what {@link #start} would refuse without them: a
	 * {@code --from}/{@code --to} block, a {@code --var} value, a resumed or replayed journal of another runbook (or
	 * none: empty, no session-started) or whose blocks changed.
	 * @throws SessionRefusedException naming what and where
	 */
	public static void check(Runbook runbook, SessionSettings settings) {
		SessionStart.check(runbook, settings);
	}

	/** The flow blocks from {@code from} to {@code to} (ids or names, null for the ends). */
	public static List<Block> flow(Runbook runbook, String from, String to) {
		return SessionStart.flow(runbook, from, to);
	}

	/** Offers the next flow block; after "all remaining" it goes on to the end. */
	public Step next() throws TargetException {
		this.state.goOn();
		Step step;
		do {
			step = offerCurrent();
		}
		while (step == Step.ADVANCED && this.state.walk() == WalkState.ALL_REMAINING);
		return step;
	}

	/** Offers every remaining block until the end or a stop. */
	public Step runToEnd() throws TargetException {
		this.state.goOn();
		Step step;
		do {
			step = offerCurrent();
		}
		while (step == Step.ADVANCED);
		return step;
	}

	private Step offerCurrent() throws TargetException {
		try (EngineCalls.Call call = this.calls.enter()) {
			return offerNext();
		}
	}

	private Step offerNext() throws TargetException {
		if (this.state.cursor() >= this.state.flow.size()) {
			if (!this.state.flow.isEmpty()
					&& !this.walk.askChecks(this.state.checklists.dueAfter(this.state.flow.get(this.state.flow.size() - 1)))) {
				return step(this.walk.stopAtChecks(null));
			}
			return Step.END;
		}
		Block block = this.state.flow.get(this.state.cursor());
		if (!this.walk.askChecks(this.state.checklists.dueBefore(block))) {
			return step(this.walk.stopAtChecks(block));
		}
		return step(this.walk.offer(block, false));
	}

	private static Step step(boolean wentOn) {
		return wentOn ? Step.ADVANCED : Step.STOPPED;
	}

	/** Runs {@code block} now, without asking first (a risky block still asks for the target's name). */
	public Step run(Block block) throws TargetException {
		this.state.goOn();
		this.walk.forgetInterruptBeforeAsking();
		try (EngineCalls.Call call = this.calls.enter()) {
			this.walk.record(block, Decision.RUN);
			// not confirmed: nothing ran, the walk stays where it was
			return this.walk.confirmed(block, block.command()) ? step(this.walk.execute(block, block.command(), false))
					: Step.ADVANCED;
		}
	}

	/** Runs the last block that did not succeed again. */
	public Step retry() throws TargetException {
		Block block = this.state.lastUnsuccessful();
		if (block == null) {
			throw new SessionRefusedException("nothing to retry: no block has failed");
		}
		this.state.goOn();
		this.walk.forgetInterruptBeforeAsking();
		try (EngineCalls.Call call = this.calls.enter()) {
			this.walk.record(block, Decision.RETRY);
			return step(this.walk.execute(block, this.state.lastText(), block.rollback()));
		}
	}

	/** Records {@code block} as skipped; the current block moves on when it was the one skipped. */
	public void skip(Block block) {
		this.walk.record(block, Decision.SKIP);
		this.walk.skipWithoutRecording(block);
	}

	/** Makes {@code block} the next one offered. */
	public void goTo(Block block) {
		int index = this.state.indexInFlow(block);
		if (index < 0) {
			throw new SessionRefusedException("block " + block.label() + " is not in this session's flow");
		}
		this.state.moveTo(index);
	}

	/** Offers the rollback steps of what ran so far. */
	public Step rollback() throws TargetException {
		List<Block> plan = rollbackPlan();
		if (plan.isEmpty()) {
			this.state.listener.message("nothing to roll back: no block that ran has a rollback step");
			return Step.STOPPED;
		}
		if (this.state.confirmer.confirmRollback(plan)) {
			try (EngineCalls.Call call = this.calls.enter()) {
				this.walk.runRollback(plan);
			}
		}
		return Step.STOPPED;
	}

	public List<Block> rollbackPlan() {
		return this.state.rollbacks.steps();
	}

	/** Asks the checklist items that are due (or the next one). */
	public void checkPending() {
		int line = current().map(Block::line).orElse(Integer.MAX_VALUE);
		List<ChecklistItem> due = this.state.checklists.pending(line);
		if (due.isEmpty()) {
			this.state.listener.message("no checklist items left to tick");
		}
		this.walk.askChecks(due);
	}

	/** Records a note, attached to the block run last (or the current one). */
	public void note(String text) {
		Block block = this.state.lastRun() != null ? this.state.lastRun() : current().orElse(null);
		this.state.recorder.note(text, block == null ? null : SessionRecorder.ref(block));
	}

	/** Sets a variable (the front-matter pattern applies); recorded masked when secret. */
	public void set(String name, String value, boolean secret) {
		this.state.values.setVariable(name, value, secret);
	}

	/** Interrupts the running block; from any thread. Unattended, the session then stops. */
	public void interrupt() {
		this.state.requestInterrupt();
		this.state.target.interrupt();
	}

	public Optional<Block> current() {
		int cursor = this.state.cursor();
		return cursor < this.state.flow.size() ? Optional.of(this.state.flow.get(cursor)) : Optional.empty();
	}

	public List<Block> flow() {
		return this.state.flow;
	}

	/** The block's last status in this session (or in the resumed log), or null when not run. */
	public BlockStatus status(Block block) {
		return this.state.status(block);
	}

	public SessionVariables variables() {
		return this.state.variables;
	}

	public Runbook runbook() {
		return this.state.runbook;
	}

	public String targetName() {
		return this.state.settings.targetName();
	}

	public String journalLocation() {
		return this.state.recorder.location();
	}

	/**
	 * The block during which the connection to the target was lost, when nothing has reconnected since (the
	 * session ended, or waits, with the target gone); empty otherwise.
	 */
	public Optional<Block> connectionLostIn() {
		return Optional.ofNullable(this.state.lostIn());
	}

	/**
	 * Why the session stopped short of a block it may not run unattended (its outcome is unknown), naming the block
	 * and the option; null otherwise.
	 */
	public String stopReason() {
		return this.state.stopReason();
	}

	/** The overall status now; {@link #finish()} writes it. */
	public SessionResult result() {
		return this.state.result();
	}

	/**
	 * Ends the session from another thread, on SIGTERM or SIGHUP: the running block is stopped (its thread is
	 * given {@code grace} to record that), then the session is recorded as interrupted and closed. A question
	 * waiting for the operator is not waited for.
	 * @param reason the one line that says why ({@code terminated by SIGTERM})
	 * @return true when the session's own thread came out of the engine (it then ends its command itself)
	 */
	public boolean terminate(String reason, Duration grace) {
		this.state.stopReason(reason);
		this.state.walk(WalkState.TERMINATED);
		this.state.requestInterrupt();
		boolean idle;
		if (this.state.blockRunning()) {
			this.state.target.interrupt();
			idle = this.calls.awaitNone(grace);
		}
		else {
			idle = this.calls.awaitNone(Duration.ZERO);
		}
		close();
		return idle;
	}

	/** Writes {@code session-finished} once and returns the result. */
	public synchronized SessionResult finish() {
		this.walk.recordEdit();
		SessionResult result = this.state.result();
		this.state.recorder.sessionFinished(result);
		return result;
	}

	/** Finishes and closes the target session and the journal; once, whichever thread comes first. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			finish();
		}
		finally {
			if (this.ticker != null) {
				this.ticker.shutdownNow();
			}
			this.state.target.close();
			this.state.recorder.close();
		}
	}

}
