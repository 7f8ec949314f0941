package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.List;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.DecisionChoice;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalFold;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.targets.TargetSession;

/** Sets a session up: the flow, the checks against resumed and replayed logs, and the first events. */
final class SessionStart {

	private SessionStart() {
	}

	static SessionState begin(Runbook runbook, TargetSession target, SessionJournal journal, Confirmer confirmer,
			SessionListener listener, SessionSettings settings) {
		SessionState state = new SessionState(runbook, target, journal, confirmer, listener, settings,
				flow(runbook, settings.from(), settings.to()));
		settings.variables().forEach((name, value) -> state.variables.set(name, value, false));
		JournalHistory resume = settings.resume();
		JournalHistory replay = settings.replay();
		check(runbook, settings);
		if (resume != null) {
			resume.verifyTarget(state.targetRef(), false, settings.force(), "resume");
		}
		if (replay != null) {
			replay.verifyTarget(state.targetRef(), true, settings.force(), "replay");
		}
		if (resume != null) {
			resumeFrom(state, resume);
		}
		else {
			state.recorder.sessionStarted(runbook, state.targetRef(), settings, confirmer.mode());
		}
		state.values.recordGiven();
		return state;
	}

	/**
	 * What can be refused before a target is opened or a journal written: the range, the given values, and whose
	 * journal a resumed or replayed one is.
	 */
	static void check(Runbook runbook, SessionSettings settings) {
		flow(runbook, settings.from(), settings.to());
		SessionVariables given = new SessionVariables(runbook.frontMatter(), new SecretValues());
		settings.variables().forEach((name, value) -> given.set(name, value, false));
		for (JournalHistory history : new JournalHistory[] { settings.resume(), settings.replay() }) {
			if (history != null) {
				String forWhat = history == settings.resume() ? "resume" : "replay";
				history.verifyRunbook(runbook, settings.force(), forWhat);
				history.verifyBlocks(runbook, settings.force(), forWhat);
			}
		}
	}

	private static void resumeFrom(SessionState state, JournalHistory resume) {
		List<BlockRef> inFlight = resume.inFlight();
		// Asked before anything is written: a block still running on the target refuses the resume.
		List<InFlightBlocks.Ending> endings = InFlightBlocks.settle(state, resume, inFlight);
		state.recorder.sessionResumed(state.settings, state.confirmer.mode(), inFlight);
		endings.forEach(state.recorder::blockEndedUnseen);
		// in journal order, so that the rollback steps of what ran are known again
		for (JournalFold.Outcome outcome : resume.finished()) {
			state.restore(outcome.finished().block().id(), outcome.finished().status(), outcome.started());
		}
		endings.forEach(ending -> state.restore(ending.block().id(), ending.status(), true));
		resume.checkedLines().forEach(state.checklists::answered);
		resume.variables().forEach((name, value) -> {
			if (!state.settings.variables().containsKey(name) && state.variables.get(name).isEmpty()) {
				state.variables.set(name, value, false);
			}
		});
		ResumedShell.restore(state, resume);
		state.skipSettled(id -> passedOver(resume, id));
		state.listener.message("resuming " + resume.location() + (state.cursor() < state.flow.size()
				? " at " + state.flow.get(state.cursor()).label() : ": every block is done"));
	}

	/**
	 * A block that did not succeed and that the operator told to go on after ({@code ignore}): the run went on past
	 * it, so a resume does too, and does not run it again unasked.
	 */
	private static boolean passedOver(JournalHistory resume, String blockId) {
		List<JournalEvent.Decision> decisions = resume.decisions(blockId);
		return !decisions.isEmpty() && resume.status(blockId) != BlockStatus.UNKNOWN
				&& decisions.get(decisions.size() - 1).choice() == DecisionChoice.IGNORE;
	}

	static List<Block> flow(Runbook runbook, String from, String to) {
		List<Block> all = runbook.flowBlocks();
		if (all.isEmpty() && from == null && to == null) {
			return List.of();
		}
		int start = from == null ? 0 : position(runbook, all, from, "--from");
		int end = to == null ? all.size() - 1 : position(runbook, all, to, "--to");
		if (start > end) {
			throw new SessionRefusedException("--from " + from + " comes after --to " + to + " in " + runbook.file());
		}
		return new ArrayList<>(all.subList(start, end + 1));
	}

	private static int position(Runbook runbook, List<Block> all, String idOrName, String option) {
		Block block = runbook.find(idOrName).orElseThrow(() -> new SessionRefusedException(
				"no block '" + idOrName + "' in " + runbook.file() + " (" + option + "; see: runbook list "
						+ runbook.file() + ")"));
		int index = all.indexOf(block);
		if (index < 0) {
			throw new SessionRefusedException(
					option + " " + idOrName + " is a rollback block, not part of the flow of " + runbook.file());
		}
		return index;
	}

}
