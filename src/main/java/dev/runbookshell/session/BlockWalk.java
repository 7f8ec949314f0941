package dev.runbookshell.session;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.runbook.Annotations.Confirm;
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

	private final UnknownOutcomes unknowns;

	private final DecisionLog decisions;

	BlockWalk(SessionState state, BlockExecution execution) {
		this.state = state;
		this.execution = execution;
		this.unknowns = new UnknownOutcomes(state);
		this.decisions = new DecisionLog(state);
	}

	/** Offers {@code block} (and runs it when told): true when the walk went on past it, false when it stopped. */
	boolean offer(Block block, boolean inRollback) throws TargetException {
		String text = block.command();
		Decision unknown = inRollback ? null : this.unknowns.beforeOffer(block);
		if (unknown != null && unknown.choice() == Decision.Choice.IGNORE) {
			record(block, unknown);
			this.state.advancePast(block);
			return true;
		}
		if (unknown != null) {
			this.state.walk(WalkState.STOPPED);
			return false;
		}
		// a risky block whose name was not typed is asked about again, "all remaining" or not: else the only
		// way on is to type the name, and the operator never sees the text the name would run
		boolean declined = false;
		while (true) {
			if (this.state.terminated()) {
				return interruptedStop();
			}
			BlockPrompt prompt = this.state.prompt(block, text);
			this.state.listener.blockHeader(prompt);
			Decision decision = Decision.RUN;
			if (declined || asks(block, inRollback)) {
				forgetInterruptBeforeAsking();
				if (!this.state.confirmer.mode().unattended()) {
					// the operator decides on the text that will run, values in place
					this.state.values.askMissing(block, text, true);
					prompt = this.state.prompt(block, text);
				}
				decision = this.state.confirmer.beforeBlock(prompt);
			}
			// a risky block's run is journaled once its name is typed: a decline leaves no 'run' a replay would take
			boolean confirmsFirst = !Set.of(Decision.Choice.SKIP, Decision.Choice.IGNORE, Decision.Choice.STOP,
					Decision.Choice.ROLLBACK).contains(decision.choice())
					&& RiskDetector.risk(block, decision.text() != null ? decision.text() : text) != null;
			if (!confirmsFirst) {
				record(block, decision);
			}
			switch (decision.choice()) {
				case SKIP, IGNORE -> {
					if (block.annotations().excludeFromRunAll() && this.state.confirmer.mode().unattended()) {
						this.state.listener.message(block.label() + " is excludeFromRunAll: skipped (--"
								+ this.state.confirmer.mode().wire() + " runs it only when its answers name it)");
					}
					skipWithoutRecording(block);
					return true;
				}
				case STOP, ROLLBACK -> {
					return inRollback ? false : stop();
				}
				case ALL -> this.state.walk(WalkState.ALL_REMAINING);
				case EDIT, EDIT_RETRY -> text = decision.text();
				default -> {
				}
			}
			if (this.state.interruptRequested() && this.state.confirmer.mode().unattended()) {
				return interruptedStop();
			}
			if (confirmed(block, text, confirmsFirst ? decision : null)) {
				return execute(block, text, inRollback);
			}
			declined = true;
		}
	}

	private boolean asks(Block block, boolean inRollback) {
		// a replay takes each block's recorded decisions, also after 'all': a name not typed there was followed by one
		if (this.state.walk() != WalkState.ALL_REMAINING || inRollback
				|| this.state.status(block) == BlockStatus.UNKNOWN || this.state.confirmer.mode() == SessionMode.REPLAY) {
			return true;
		}
		return block.annotations().confirmToObey().orElse(null) == Confirm.ALWAYS
				|| block.annotations().excludeFromRunAll();
	}

	/** Asks for the target's name when the block is risky; false when it was not typed (the block does not run). */
	boolean confirmed(Block block, String text) {
		return confirmed(block, text, null);
	}

	/** @param unrecorded the decision to run the block, journaled only once the target's name is typed, or null */
	private boolean confirmed(Block block, String text, Decision unrecorded) {
		String risk = RiskDetector.risk(block, text);
		if (risk == null && unrecorded != null) {
			record(block, unrecorded);
		}
		if (risk != null) {
			boolean confirmed = this.state.confirmer.typedConfirmation(block, text, this.state.settings.targetName(), risk);
			if (confirmed && unrecorded != null) {
				record(block, unrecorded);
			}
			if (!confirmed) {
				this.state.listener.message("not confirmed: " + block.label() + " did not run");
				recordEdit();
				// no 'run' is journaled for it (offer holds it back): this says why nothing ran
				this.state.recorder.note("not confirmed: the target's name was not typed, " + block.label()
						+ " did not run", SessionRecorder.ref(block));
				return false;
			}
			if (this.state.confirmer.mode().unattended()) {
				recordEdit(); // an edit from a file holds no secret typed at a prompt: keep the journal in order
				this.state.recorder.note("risky block (" + risk + ") run without typing the target's name: decided "
						+ "automatically by --" + this.state.confirmer.mode().wire(), SessionRecorder.ref(block));
			}
		}
		return true;
	}

	/** Runs {@code block} (with its retries, and what the confirmer says after a failure): true when the walk went on. */
	boolean execute(Block block, String text, boolean inRollback) throws TargetException {
		String current = text;
		while (true) {
			BlockReport report = runWithRetries(block, current);
			if (this.state.terminated()) {
				record(block, Decision.STOP);
				return interruptedStop();
			}
			if (report.status().ranToEnd() || report.status() == BlockStatus.STOPPED) {
				if (report.status() == BlockStatus.STOPPED) {
					this.state.forgetInterrupt(); // the Ctrl-C ended the following, not the session
				}
				this.state.advancePast(block);
				return true;
			}
			if (report.status() == BlockStatus.INTERRUPTED && this.state.confirmer.mode().unattended()) {
				record(block, Decision.STOP);
				return interruptedStop();
			}
			if (report.status() == BlockStatus.UNKNOWN && this.state.confirmer.mode().unattended()) {
				Decision decision = this.unknowns.afterLost(block);
				record(block, decision);
				if (decision.choice() == Decision.Choice.RETRY) {
					continue;
				}
				if (decision.choice() == Decision.Choice.IGNORE) {
					this.state.advancePast(block);
					return true;
				}
				this.state.walk(WalkState.STOPPED);
				return false;
			}
			Decision decision = afterFailure(block, current, report, inRollback, false);
			if (decision.choice() == Decision.Choice.ROLLBACK && !inRollback) {
				// the operator then chooses again for the failed block: retry it, go on, or stop
				if (!runRollback(this.state.rollbacks.steps()) && this.state.walk().interrupted()) {
					return false;
				}
				this.state.listener.message("after the rollback, " + block.label() + " is still "
						+ report.status().wire() + ": retry it, go on with the next block (ignore), or stop");
				decision = afterFailure(block, current, report, inRollback, true);
			}
			switch (decision.choice()) {
				case RETRY, RUN, ALL -> {
				}
				case EDIT_RETRY, EDIT -> current = decision.text();
				case IGNORE, SKIP -> {
					this.state.advancePast(block);
					return true;
				}
				case ROLLBACK -> {
					this.state.walk(WalkState.STOPPED);
					return false;
				}
				default -> {
					if (report.status() == BlockStatus.INTERRUPTED) {
						this.state.walk(WalkState.INTERRUPTED);
					}
					return inRollback ? false : stop();
				}
			}
		}
	}

	/** Asks what to do after {@code report}; a rollback is offered once per failure, when it has steps. */
	private Decision afterFailure(Block block, String text, BlockReport report, boolean inRollback,
			boolean rolledBack) {
		boolean rollback = !inRollback && !rolledBack && !this.state.rollbacks.steps().isEmpty();
		FailurePrompt failure = new FailurePrompt(block, this.state.secrets.mask(text), report.status(),
				report.exitCode(), report.message(), rollback);
		forgetInterruptBeforeAsking();
		Decision decision = this.state.confirmer.afterFailure(failure);
		record(block, decision);
		return decision;
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
				prepared = this.state.values.prepare(block, text);
			}
			finally {
				recordEdit();
			}
			if (this.state.interruptRequested()) {
				// Ctrl-C came after the decision but before the block started: it must not run
				report = interruptedBeforeStart(block);
				break;
			}
			reconnectIfLost();
			if (FollowedOutput.follows(block, prepared.script())) {
				this.state.listener.message(FollowedOutput.hint(block, this.state.timeout(block)));
			}
			this.state.starting(block);
			try {
				report = this.execution.run(block, prepared.script(), prepared.shown(), this.state.timeout(block),
						prepared.exports());
			}
			finally {
				this.state.stoppedRunning();
			}
			this.state.ran(block, report.status());
			if (report.status().ranToEnd() || !(report.status() == BlockStatus.FAILED
					|| report.status() == BlockStatus.TIMED_OUT)) {
				break;
			}
		}
		if (!report.status().ranToEnd()) {
			this.state.unsuccessful(block, text);
		}
		return report;
	}

	/** After a lost connection the target refuses until told to reconnect: only a decision to go on gets here. */
	private void reconnectIfLost() throws TargetException {
		if (this.state.lostIn() != null) {
			this.state.listener.message("reconnecting to " + this.state.settings.targetName()
					+ " (a fresh shell: cd and export of earlier blocks are lost)");
			this.state.target.reconnect();
			this.state.reconnected();
		}
	}

	/** Stops the walk, offering the rollback of what ran; false, as the walk did not go on. */
	private boolean stop() throws TargetException {
		this.state.walk(WalkState.STOPPED);
		List<Block> plan = this.state.rollbacks.steps();
		if (!plan.isEmpty() && this.state.confirmer.confirmRollback(plan)) {
			runRollback(plan);
		}
		return false;
	}

	private boolean interruptedStop() {
		this.state.walk(WalkState.INTERRUPTED);
		return false;
	}

	/** Offers each rollback block in turn; false when one of them stopped the rollback. */
	boolean runRollback(List<Block> plan) throws TargetException {
		this.state.listener.message("rolling back: " + String.join(", ", plan.stream().map(Block::label).toList()));
		for (Block block : plan) {
			if (!offer(block, true)) {
				this.state.listener.warning("rollback stopped at " + block.label());
				return false;
			}
		}
		return true;
	}

	void skipWithoutRecording(Block block) {
		this.state.settle(block, BlockStatus.SKIPPED);
		this.state.recorder.blockNotRun(block, BlockStatus.SKIPPED);
		this.state.listener
			.blockFinished(new BlockReport(block, BlockStatus.SKIPPED, null, Duration.ZERO, List.of(), null));
		this.state.advancePast(block);
	}

	/** Journals a decision ({@link DecisionLog#record}). */
	void record(Block block, Decision decision) {
		this.decisions.record(block, decision);
	}

	/** Journals the edit that waits, if any ({@link DecisionLog#recordEdit}). */
	void recordEdit() {
		this.decisions.recordEdit();
	}

	/**
	 * At a terminal, a Ctrl-C that came before the operator is asked has been dealt with (it ended a block, or a
	 * prompt); one that comes after the answer stops the block the answer was about. Unattended, any Ctrl-C stops
	 * the session, so nothing is forgotten.
	 */
	void forgetInterruptBeforeAsking() {
		if (!this.state.confirmer.mode().unattended()) {
			this.state.forgetInterrupt();
		}
	}

	private BlockReport interruptedBeforeStart(Block block) {
		BlockReport report = new BlockReport(block, BlockStatus.INTERRUPTED, null, Duration.ZERO, List.of(),
				"interrupted before it started: nothing ran");
		this.state.recorder.blockNotRun(block, BlockStatus.INTERRUPTED);
		this.state.listener.blockFinished(report);
		this.state.settle(block, BlockStatus.INTERRUPTED, false);
		return report;
	}

	/** @return false when the operator stopped at an item (Ctrl-C, end of input) */
	boolean askChecks(List<ChecklistItem> items) {
		return items.isEmpty() || this.state.confirmer.checkList(items, (item, result) -> {
			this.state.recorder.check(item, result);
			this.state.checklists.answered(item.line());
		});
	}

	/**
	 * The operator stopped at a manual check due before {@code next} (null after the last block): the walk stops
	 * there, as a stop at the block's own prompt does.
	 */
	boolean stopAtChecks(Block next) throws TargetException {
		this.state.listener.message("stopped at the checklist" + (next == null ? "" : ": " + next.label()
				+ " did not run"));
		if (next != null) {
			record(next, Decision.STOP);
		}
		return stop();
	}

}
