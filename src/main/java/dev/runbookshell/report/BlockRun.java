package dev.runbookshell.report;

import java.time.Instant;
import java.util.List;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.DecisionChoice;
import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.Decision;
import dev.runbookshell.journal.JournalEvent.ExpectationResult;
import dev.runbookshell.journal.JournalEvent.Note;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalFold.Attempt;

/**
 * Everything the journal says about one block in one session: the decisions taken on it, each attempt (a retry is
 * a second attempt), and the notes attached to it. Its outcome is the last attempt's.
 *
 * @param block the block as last seen
 * @param section the section part of the block id ({@code 4.1} for {@code 4.1.2}; {@code ""} when none)
 * @param decisions every decision on the block, in order
 * @param attempts every start of the block, in order, with its end when there is one
 * @param notes notes the operator attached to the block
 */
public record BlockRun(BlockRef block, String section, List<Decision> decisions, List<Attempt> attempts,
		List<Note> notes) {

	/** {@code 4.1.2 backup-db}. */
	public String label() {
		return this.block.id() + " " + this.block.name();
	}

	/** The last attempt, or null when the block never started (skipped). */
	public Attempt last() {
		return this.attempts.isEmpty() ? null : this.attempts.get(this.attempts.size() - 1);
	}

	/** The last {@code block-finished}, or null. */
	public BlockFinished finished() {
		for (int i = this.attempts.size() - 1; i >= 0; i--) {
			if (this.attempts.get(i).finished() != null) {
				return this.attempts.get(i).finished();
			}
		}
		return null;
	}

	/**
	 * How the block ended: its last attempt's status; skipped when it was only skipped; unknown when it started
	 * and the journal never says how it ended; not run when it was decided on and never started.
	 */
	public BlockStatus status() {
		Attempt last = last();
		if (last != null) {
			return last.finished() != null ? last.finished().status() : BlockStatus.UNKNOWN;
		}
		Decision decision = lastDecision();
		return decision != null && decision.choice() == DecisionChoice.SKIP ? BlockStatus.SKIPPED : BlockStatus.NOT_RUN;
	}

	public Decision lastDecision() {
		return this.decisions.isEmpty() ? null : this.decisions.get(this.decisions.size() - 1);
	}

	/** The decisions as a short phrase: {@code run}, {@code edit, retry}. */
	public String decisionText() {
		return String.join(", ", this.decisions.stream().map(d -> d.choice().wire()).toList());
	}

	/** Total time spent running the block, all attempts. */
	public long durationMs() {
		return this.attempts.stream().mapToLong(a -> a.finished() == null ? 0 : a.finished().durationMs()).sum();
	}

	public Integer exitCode() {
		BlockFinished finished = finished();
		return finished == null ? null : finished.exitCode();
	}

	public Instant startedAt() {
		return this.attempts.isEmpty() ? null : this.attempts.get(0).startedAt();
	}

	public String command() {
		Attempt last = last();
		return last == null ? null : last.command();
	}

	public String output() {
		BlockFinished finished = finished();
		return finished == null ? null : finished.output();
	}

	public String outputFile() {
		BlockFinished finished = finished();
		return finished == null ? null : finished.outputFile();
	}

	public List<ExpectationResult> expectations() {
		BlockFinished finished = finished();
		return finished == null || finished.expectations() == null ? List.of() : finished.expectations();
	}

	/** The failed commands of the last finished attempt (bash ERR-trap meaning), in order; empty when none. */
	public List<JournalEvent.FailedCommand> failedCommands() {
		BlockFinished finished = finished();
		return finished == null ? List.of() : finished.failures();
	}

	/** How many commands of the last finished attempt failed. */
	public int failedCount() {
		BlockFinished finished = finished();
		return finished == null ? 0 : finished.failureCount();
	}

	/**
	 * The status as a reader reads it: {@code succeeded with 2 failed commands} for a block that went on after
	 * failures, {@code failed at line 57 (exit 127)} for one that stopped at one, else the status' wire form.
	 */
	public String statusText() {
		return statusText(status(), failedCount(), failedCommands());
	}

	/** As {@link #statusText()}, for one attempt: {@code unknown} when it never ended. */
	static String statusText(Attempt attempt) {
		BlockFinished finished = attempt.finished();
		return finished == null ? BlockStatus.UNKNOWN.wire()
				: statusText(finished.status(), finished.failureCount(), finished.failures());
	}

	private static String statusText(BlockStatus status, int failedCount, List<JournalEvent.FailedCommand> failed) {
		if (status == BlockStatus.SUCCEEDED_WITH_FAILURES) {
			return "succeeded with " + failedCount + (failedCount == 1 ? " failed command" : " failed commands");
		}
		if (status == BlockStatus.FAILED && !failed.isEmpty()) {
			JournalEvent.FailedCommand first = failed.get(0);
			return "failed at line " + first.line() + " (exit " + first.exitText() + ")";
		}
		return status.wire();
	}

	/** The attempts that ran, in order (a skip is journaled as an attempt without a command: it is none). */
	public List<Attempt> ranAttempts() {
		return this.attempts.stream().filter(a -> a.command() != null).toList();
	}

	/**
	 * Every attempt's outcome in order when the block ran more than once ({@code failed (exit 1) → succeeded}),
	 * else the outcome alone ({@code failed (exit 1)}, {@code succeeded}).
	 */
	public String attemptsText() {
		List<Attempt> ran = ranAttempts();
		if (ran.size() < 2) {
			return outcome(status(), exitCode());
		}
		return String.join(" → ", ran.stream().map(BlockRun::outcome).toList());
	}

	/** {@link #statusText()}, or every attempt's outcome when the block ran more than once: a retry shows. */
	public String outcomeText() {
		return ranAttempts().size() > 1 ? attemptsText() : statusText();
	}

	/** One attempt's outcome: its status, and its exit code when not 0; {@code unknown} when it never ended. */
	static String outcome(Attempt attempt) {
		return attempt.finished() == null ? BlockStatus.UNKNOWN.wire()
				: outcome(attempt.finished().status(), attempt.finished().exitCode());
	}

	private static String outcome(BlockStatus status, Integer exitCode) {
		return status.wire() + (exitCode == null || exitCode == 0 ? "" : " (exit " + exitCode + ")");
	}

	/** Failed, timed out or of unknown outcome: what a reader has to look at. */
	public boolean isProblem() {
		BlockStatus status = status();
		return status == BlockStatus.FAILED || status == BlockStatus.TIMED_OUT || status == BlockStatus.UNKNOWN
				|| status == BlockStatus.INTERRUPTED;
	}

}
