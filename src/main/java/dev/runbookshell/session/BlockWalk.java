package dev.runbookshell.session;

import java.time.Duration;
import java.util.List;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.SecretMasker;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.session.SessionListener.BlockReport;
import dev.runbookshell.targets.TargetException;

/**
 * The decision loop behind {@link RunSession}: offers a block to the confirmer, records the decision, runs it
 * (with its retries and the typed confirmation of a risky block), asks what to do after a failure, and runs the
 * rollback plan when told to. Everything it learns goes into the shared {@link SessionState}.
 */
final class BlockWalk {

	private final SessionState state;

	private final BlockExecution execution;

	/** An edit decision not journaled yet (see {@link #record}), or null. */
	private PendingEdit pendingEdit;

	BlockWalk(SessionState state, BlockExecution execution) {
		this.state = state;
		this.execution = execution;
	}

	RunSession.Step offer(Block block, boolean inRollback) throws TargetException {
		String text = block.command();
		while (true) {
			BlockPrompt prompt = this.state.prompt(block, text);
			this.state.listener.blockHeader(prompt);
			Decision decision = Decision.RUN;
			if (asks(block, inRollback)) {
				forgetInterruptBeforeAsking();
				decision = this.state.confirmer.beforeBlock(prompt);
			}
			record(block, decision);
			switch (decision.choice()) {
				case SKIP, IGNORE -> {
					skipWithoutRecording(block);
					return RunSession.Step.ADVANCED;
				}
				case STOP, ROLLBACK -> {
					return inRollback ? RunSession.Step.STOPPED : stop();
				}
				case ALL -> this.state.runAll = true;
				case EDIT, EDIT_RETRY -> text = decision.text();
				default -> {
				}
			}
			if (this.state.interruptRequested && this.state.confirmer.mode().unattended()) {
				return interruptedStop();
			}
			RunSession.Step step = confirmAndExecute(block, text, inRollback);
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
	RunSession.Step confirmAndExecute(Block block, String text, boolean inRollback) throws TargetException {
		String risk = RiskDetector.risk(block, text);
		if (risk != null) {
			if (!this.state.confirmer.typedConfirmation(block, this.state.settings.targetName(), risk)) {
				this.state.listener.message("not confirmed: " + block.label() + " did not run");
				return null;
			}
			if (this.state.confirmer.mode().unattended()) {
				recordEdit(); // an edit from a file holds no secret typed at a prompt: keep the journal in order
				this.state.journal.append(new JournalEvent.Note("risky block (" + risk + ") run without typing the "
						+ "target's name: decided automatically by --" + this.state.confirmer.mode().wire(),
						BlockExecution.ref(block)));
			}
		}
		return execute(block, text, inRollback);
	}

	RunSession.Step execute(Block block, String text, boolean inRollback) throws TargetException {
		String current = text;
		while (true) {
			BlockReport report = runWithRetries(block, current);
			if (report.status().ranToEnd()) {
				this.state.advancePast(block);
				return RunSession.Step.ADVANCED;
			}
			if (report.status() == BlockStatus.INTERRUPTED && this.state.confirmer.mode().unattended()) {
				record(block, Decision.STOP);
				return interruptedStop();
			}
			FailurePrompt failure = new FailurePrompt(block, this.state.secrets.mask(current), report.status(),
					report.exitCode(), report.message(), !inRollback && !RollbackPlan.plan(this.state.runbook, this.state.succeeded).isEmpty());
			forgetInterruptBeforeAsking();
			Decision decision = this.state.confirmer.afterFailure(failure);
			record(block, decision);
			switch (decision.choice()) {
				case RETRY, RUN, ALL -> {
				}
				case EDIT_RETRY, EDIT -> current = decision.text();
				case IGNORE, SKIP -> {
					this.state.advancePast(block);
					return RunSession.Step.ADVANCED;
				}
				case ROLLBACK -> {
					if (!inRollback) {
						runRollback(RollbackPlan.plan(this.state.runbook, this.state.succeeded));
					}
					this.state.stopped = true;
					return RunSession.Step.STOPPED;
				}
				default -> {
					if (report.status() == BlockStatus.INTERRUPTED) {
						this.state.interruptedStop = true;
					}
					return inRollback ? RunSession.Step.STOPPED : stop();
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
			PreparedBlock prepared;
			try {
				prepared = this.state.prepare(block, text);
			}
			finally {
				recordEdit();
			}
			if (this.state.interruptRequested) {
				// Ctrl-C came after the decision but before the block started: it must not run
				report = interruptedBeforeStart(block);
				break;
			}
			reconnectIfLost();
			this.state.lastRun = block;
			report = this.execution.run(block, prepared.script(), prepared.shown(), this.state.timeout(block),
					prepared.exports());
			this.state.settle(block, report.status());
			this.state.connectionLost = report.status() == BlockStatus.UNKNOWN;
			if (report.status().ranToEnd() || !(report.status() == BlockStatus.FAILED
					|| report.status() == BlockStatus.TIMED_OUT)) {
				break;
			}
		}
		if (!report.status().ranToEnd()) {
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

	private RunSession.Step stop() throws TargetException {
		this.state.stopped = true;
		List<Block> plan = RollbackPlan.plan(this.state.runbook, this.state.succeeded);
		if (!plan.isEmpty() && this.state.confirmer.confirmRollback(plan)) {
			runRollback(plan);
		}
		return RunSession.Step.STOPPED;
	}

	private RunSession.Step interruptedStop() {
		this.state.interruptedStop = true;
		this.state.stopped = true;
		return RunSession.Step.STOPPED;
	}

	void runRollback(List<Block> plan) throws TargetException {
		this.state.listener.message("rolling back: " + String.join(", ", plan.stream().map(Block::label).toList()));
		for (Block block : plan) {
			if (offer(block, true) == RunSession.Step.STOPPED) {
				this.state.listener.warning("rollback stopped at " + block.label());
				return;
			}
		}
	}

	void skipWithoutRecording(Block block) {
		this.state.settle(block, BlockStatus.SKIPPED);
		this.state.journal.append(new JournalEvent.BlockFinished(BlockExecution.ref(block), BlockStatus.SKIPPED,
				null, 0, null, null, List.of()));
		this.state.listener
			.blockFinished(new BlockReport(block, BlockStatus.SKIPPED, null, Duration.ZERO, List.of(), null));
		this.state.advancePast(block);
	}

	/**
	 * Journals a decision. An edit waits until its block's variables have been asked ({@link #recordEdit}): a
	 * secret the operator typed into the edit before being asked for it is then known, and masked.
	 */
	void record(Block block, Decision decision) {
		recordEdit();
		if (decision.text() != null) {
			this.pendingEdit = new PendingEdit(block, decision);
			return;
		}
		write(block, decision);
	}

	/** Journals the edit that waits, if any; called once the block's values are in, and before anything else. */
	void recordEdit() {
		PendingEdit edit = this.pendingEdit;
		if (edit != null) {
			this.pendingEdit = null;
			write(edit.block(), edit.decision());
		}
	}

	private void write(Block block, Decision decision) {
		String text = this.state.secrets.mask(decision.text());
		if (text != null && !text.equals(decision.text())) {
			List<String> names = this.state.variables.secretsIn(decision.text());
			String instead = names.isEmpty() ? "the variable" : "$" + String.join(", $", names);
			this.state.listener.warning("the edit of " + block.label() + " contains a secret value: the log keeps it as "
					+ SecretMasker.MASK + ", so a --replay of this log will refuse this edit (write " + instead
					+ " instead of its value)");
		}
		this.state.journal.append(new JournalEvent.Decision(BlockExecution.ref(block), decision.choice().wire(), text));
	}

	/**
	 * At a terminal, a Ctrl-C that came before the operator is asked has been dealt with (it ended a block, or a
	 * prompt); one that comes after the answer stops the block the answer was about. Unattended, any Ctrl-C stops
	 * the session, so nothing is forgotten.
	 */
	void forgetInterruptBeforeAsking() {
		if (!this.state.confirmer.mode().unattended()) {
			this.state.interruptRequested = false;
		}
	}

	private BlockReport interruptedBeforeStart(Block block) {
		BlockReport report = new BlockReport(block, BlockStatus.INTERRUPTED, null, Duration.ZERO, List.of(),
				"interrupted before it started: nothing ran");
		this.state.journal.append(new JournalEvent.BlockFinished(BlockExecution.ref(block), BlockStatus.INTERRUPTED,
				null, 0, null, null, List.of()));
		this.state.listener.blockFinished(report);
		this.state.settle(block, BlockStatus.INTERRUPTED);
		return report;
	}

	void askChecks(List<ChecklistItem> items) {
		for (ChecklistItem item : items) {
			CheckResult result = this.state.confirmer.check(item);
			this.state.journal.append(new JournalEvent.Check(item.line(), item.text(), item.section(),
					result.state().wire(), this.state.secrets.mask(result.note())));
			this.state.checklists.answered(item.line());
		}
	}

	private record PendingEdit(Block block, Decision decision) {
	}

}
