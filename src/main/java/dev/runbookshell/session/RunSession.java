package dev.runbookshell.session;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.SecretMasker;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.session.SessionListener.BlockReport;
import dev.runbookshell.target.TargetException;
import dev.runbookshell.target.TargetSession;

/**
 * Walks a runbook's flow blocks (not its rollback sections) on one target session: asks the {@link Confirmer}
 * before each block, runs it, records everything in the journal and reports progress to the
 * {@link SessionListener}. The same engine serves the operator at a terminal, {@code --yes}, an answers file and a
 * replayed log. Not thread-safe, except {@link #interrupt()}.
 */
public final class RunSession implements AutoCloseable {

	/** Unattended blocks without a timeout of their own give up after this long. */
	public static final Duration UNATTENDED_TIMEOUT = Duration.ofMinutes(30);

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

	private final BlockExecution execution;

	private final ScheduledExecutorService ticker;

	private RunSession(SessionState state, ScheduledExecutorService ticker) {
		this.state = state;
		this.ticker = ticker;
		this.execution = new BlockExecution(state.target, state.journal, state.listener, state.secrets, ticker,
				state.confirmer);
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

	/** The flow blocks from {@code from} to {@code to} (ids or names, null for the ends). */
	public static List<Block> flow(Runbook runbook, String from, String to) {
		return SessionStart.flow(runbook, from, to);
	}

	/** Offers the next flow block; after "all remaining" it goes on to the end. */
	public Step next() throws TargetException {
		this.state.stopped = false;
		Step step;
		do {
			step = offerCurrent();
		}
		while (step == Step.ADVANCED && this.state.runAll);
		return step;
	}

	/** Offers every remaining block until the end or a stop. */
	public Step runToEnd() throws TargetException {
		this.state.stopped = false;
		Step step;
		do {
			step = offerCurrent();
		}
		while (step == Step.ADVANCED);
		return step;
	}

	private Step offerCurrent() throws TargetException {
		if (this.state.cursor >= this.state.flow.size()) {
			if (!this.state.flow.isEmpty()) {
				askChecks(this.state.checklists.dueAfter(this.state.flow.get(this.state.flow.size() - 1)));
			}
			return Step.END;
		}
		Block block = this.state.flow.get(this.state.cursor);
		askChecks(this.state.checklists.dueBefore(block));
		return offer(block, false);
	}

	/** Runs {@code block} now, without asking first (a risky block still asks for the target's name). */
	public Step run(Block block) throws TargetException {
		this.state.stopped = false;
		record(block, Decision.RUN);
		return confirmAndExecute(block, block.command(), false);
	}

	/** Runs the last block that did not succeed again. */
	public Step retry() throws TargetException {
		Block block = this.state.lastUnsuccessful;
		if (block == null) {
			throw new SessionRefusedException("nothing to retry: no block has failed");
		}
		this.state.stopped = false;
		record(block, Decision.RETRY);
		return execute(block, this.state.lastText, block.rollback());
	}

	/** Records {@code block} as skipped; the current block moves on when it was the one skipped. */
	public void skip(Block block) {
		record(block, Decision.SKIP);
		skipWithoutRecording(block);
	}

	/** Makes {@code block} the next one offered. */
	public void goTo(Block block) {
		int index = this.state.indexInFlow(block);
		if (index < 0) {
			throw new SessionRefusedException("block " + block.label() + " is not in this session's flow");
		}
		this.state.cursor = index;
	}

	/** Offers the rollback plan for what succeeded so far. */
	public Step rollback() throws TargetException {
		List<Block> plan = rollbackPlan();
		if (plan.isEmpty()) {
			this.state.listener.message("nothing to roll back: no succeeded block has a rollback");
			return Step.STOPPED;
		}
		if (this.state.confirmer.confirmRollback(plan)) {
			runRollback(plan);
		}
		return Step.STOPPED;
	}

	public List<Block> rollbackPlan() {
		return RollbackPlan.plan(this.state.runbook, this.state.succeeded);
	}

	/** Asks the checklist items that are due (or the next one). */
	public void checkPending() {
		int line = current().map(Block::line).orElse(Integer.MAX_VALUE);
		List<ChecklistItem> due = this.state.checklists.pending(line);
		if (due.isEmpty()) {
			this.state.listener.message("no checklist items left to tick");
		}
		askChecks(due);
	}

	/** Records a note, attached to the block run last (or the current one). */
	public void note(String text) {
		Block block = this.state.lastRun != null ? this.state.lastRun : current().orElse(null);
		this.state.journal.append(new JournalEvent.Note(this.state.secrets.mask(text),
				block == null ? null : BlockExecution.ref(block)));
	}

	/** Sets a variable (the front-matter pattern applies); recorded masked when secret. */
	public void set(String name, String value, boolean secret) {
		this.state.setVariable(name, value, secret);
	}

	/** Interrupts the running block; from any thread. Unattended, the session then stops. */
	public void interrupt() {
		this.state.interruptRequested = true;
		this.state.target.interrupt();
	}

	public Optional<Block> current() {
		return this.state.cursor < this.state.flow.size() ? Optional.of(this.state.flow.get(this.state.cursor))
				: Optional.empty();
	}

	public List<Block> flow() {
		return this.state.flow;
	}

	/** The block's last status in this session (or in the resumed log), or null when not run. */
	public BlockStatus status(Block block) {
		return this.state.statuses.get(block.id());
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
		return this.state.journal.location();
	}

	/** The overall status now; {@link #finish()} writes it. */
	public SessionResult result() {
		return this.state.result();
	}

	/** Writes {@code session-finished} once and returns the result. */
	public SessionResult finish() {
		SessionResult result = this.state.result();
		if (!this.state.finished) {
			this.state.finished = true;
			this.state.journal.append(new JournalEvent.SessionFinished(result.status().wire(), result.counts()));
		}
		return result;
	}

	/** Finishes and closes the target session and the journal. */
	@Override
	public void close() {
		try {
			finish();
		}
		finally {
			if (this.ticker != null) {
				this.ticker.shutdownNow();
			}
			this.state.target.close();
			this.state.journal.close();
		}
	}

	private Step offer(Block block, boolean inRollback) throws TargetException {
		String text = block.command();
		while (true) {
			BlockPrompt prompt = this.state.prompt(block, text);
			this.state.listener.blockHeader(prompt);
			Decision decision = asks(block, inRollback) ? this.state.confirmer.beforeBlock(prompt) : Decision.RUN;
			record(block, decision);
			switch (decision.choice()) {
				case SKIP, IGNORE -> {
					skipWithoutRecording(block);
					return Step.ADVANCED;
				}
				case STOP, ROLLBACK -> {
					return inRollback ? Step.STOPPED : stop();
				}
				case ALL -> this.state.runAll = true;
				case EDIT, EDIT_RETRY -> text = decision.text();
				default -> {
				}
			}
			if (this.state.interruptRequested && this.state.confirmer.mode().unattended()) {
				return interruptedStop();
			}
			Step step = confirmAndExecute(block, text, inRollback);
			if (step != null) {
				return step;
			}
		}
	}

	private boolean asks(Block block, boolean inRollback) {
		if (!this.state.runAll || inRollback) {
			return true;
		}
		boolean always = block.annotations().get("confirm").map(v -> v.trim().equalsIgnoreCase("always"))
			.orElse(false);
		return always || block.annotations().excludeFromRunAll();
	}

	/** Asks for the target's name when the block is risky; null when not confirmed (ask again). */
	private Step confirmAndExecute(Block block, String text, boolean inRollback) throws TargetException {
		String risk = RiskDetector.risk(block, text);
		if (risk != null) {
			if (!this.state.confirmer.typedConfirmation(block, this.state.settings.targetName(), risk)) {
				this.state.listener.message("not confirmed: " + block.label() + " did not run");
				return null;
			}
			if (this.state.confirmer.mode().unattended()) {
				this.state.journal.append(new JournalEvent.Note("risky block (" + risk + ") run without typing the "
						+ "target's name: decided automatically by --" + this.state.confirmer.mode().wire(),
						BlockExecution.ref(block)));
			}
		}
		return execute(block, text, inRollback);
	}

	private Step execute(Block block, String text, boolean inRollback) throws TargetException {
		String current = text;
		while (true) {
			BlockReport report = runWithRetries(block, current);
			if (report.status() == BlockStatus.SUCCEEDED) {
				this.state.advancePast(block);
				return Step.ADVANCED;
			}
			if (report.status() == BlockStatus.INTERRUPTED && this.state.confirmer.mode().unattended()) {
				record(block, Decision.STOP);
				return interruptedStop();
			}
			FailurePrompt failure = new FailurePrompt(block, this.state.secrets.mask(current), report.status(),
					report.exitCode(), report.message(), !inRollback && !rollbackPlan().isEmpty());
			Decision decision = this.state.confirmer.afterFailure(failure);
			record(block, decision);
			switch (decision.choice()) {
				case RETRY, RUN, ALL -> {
				}
				case EDIT_RETRY, EDIT -> current = decision.text();
				case IGNORE, SKIP -> {
					this.state.advancePast(block);
					return Step.ADVANCED;
				}
				case ROLLBACK -> {
					if (!inRollback) {
						runRollback(rollbackPlan());
					}
					this.state.stopped = true;
					return Step.STOPPED;
				}
				default -> {
					if (report.status() == BlockStatus.INTERRUPTED) {
						this.state.interruptedStop = true;
					}
					return inRollback ? Step.STOPPED : stop();
				}
			}
		}
	}

	private BlockReport runWithRetries(Block block, String text) throws TargetException {
		int attempts = 1 + Math.max(0, block.annotations().retries());
		BlockReport report = null;
		for (int attempt = 1; attempt <= attempts; attempt++) {
			if (attempt > 1) {
				this.state.listener.message("retrying " + block.label() + " (attempt " + attempt + " of " + attempts
						+ ", retries=" + (attempts - 1) + ")");
			}
			this.state.interruptRequested = false;
			PreparedBlock prepared = this.state.prepare(block, text);
			reconnectIfLost();
			this.state.lastRun = block;
			report = this.execution.run(block, prepared.script(), prepared.shown(), this.state.timeout(block),
					prepared.exports());
			this.state.settle(block, report.status());
			this.state.connectionLost = report.status() == BlockStatus.UNKNOWN;
			if (report.status() == BlockStatus.SUCCEEDED || !(report.status() == BlockStatus.FAILED
					|| report.status() == BlockStatus.TIMED_OUT)) {
				break;
			}
		}
		if (report.status() != BlockStatus.SUCCEEDED) {
			this.state.lastUnsuccessful = block;
			this.state.lastText = text;
		}
		return report;
	}

	/** After a lost connection the target refuses until told to reconnect: only a decision to go on gets here. */
	private void reconnectIfLost() throws TargetException {
		if (this.state.connectionLost) {
			this.state.listener.message("reconnecting to " + this.state.settings.targetName()
					+ " (a fresh shell: cd and export of earlier blocks are lost)");
			this.state.target.reconnect();
			this.state.connectionLost = false;
		}
	}

	private Step stop() throws TargetException {
		this.state.stopped = true;
		List<Block> plan = rollbackPlan();
		if (!plan.isEmpty() && this.state.confirmer.confirmRollback(plan)) {
			runRollback(plan);
		}
		return Step.STOPPED;
	}

	private Step interruptedStop() {
		this.state.interruptedStop = true;
		this.state.stopped = true;
		return Step.STOPPED;
	}

	private void runRollback(List<Block> plan) throws TargetException {
		this.state.listener.message("rolling back: " + String.join(", ", plan.stream().map(Block::label).toList()));
		for (Block block : plan) {
			if (offer(block, true) == Step.STOPPED) {
				this.state.listener.warning("rollback stopped at " + block.label());
				return;
			}
		}
	}

	private void skipWithoutRecording(Block block) {
		this.state.settle(block, BlockStatus.SKIPPED);
		this.state.journal.append(new JournalEvent.BlockFinished(BlockExecution.ref(block), BlockStatus.SKIPPED,
				null, 0, null, null, List.of()));
		this.state.listener
			.blockFinished(new BlockReport(block, BlockStatus.SKIPPED, null, Duration.ZERO, List.of(), null));
		this.state.advancePast(block);
	}

	private void record(Block block, Decision decision) {
		String text = this.state.secrets.mask(decision.text());
		if (text != null && !text.equals(decision.text())) {
			this.state.listener.warning("the edit of " + block.label() + " contains a secret value: the log keeps it as "
					+ SecretMasker.MASK + ", so a --replay of this log will refuse this edit (write the variable, "
					+ "e.g. $NAME, instead of its value)");
		}
		this.state.journal.append(new JournalEvent.Decision(BlockExecution.ref(block), decision.choice().wire(), text));
	}

	private void askChecks(List<ChecklistItem> items) {
		for (ChecklistItem item : items) {
			CheckResult result = this.state.confirmer.check(item);
			this.state.journal.append(new JournalEvent.Check(item.line(), item.text(), item.section(),
					result.state().wire(), this.state.secrets.mask(result.note())));
			this.state.checklists.answered(item.line());
		}
	}

}
