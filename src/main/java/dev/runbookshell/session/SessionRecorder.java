package dev.runbookshell.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.session.SessionListener.BlockReport;
import dev.runbookshell.targets.BlockMarker;

/**
 * The one writer of a session's journal: every event the engine records is built and appended here, free text
 * masked with the secrets known so far (the journal masks them once more). What the engine decided stays with the
 * engine; this class only says how it is recorded.
 */
final class SessionRecorder {

	private final SessionJournal journal;

	private final SecretValues secrets;

	private boolean finished;

	SessionRecorder(SessionJournal journal, SecretValues secrets) {
		this.journal = journal;
		this.secrets = secrets;
	}

	static BlockRef ref(Block block) {
		return new BlockRef(block.id(), block.name(), block.hash());
	}

	/** {@code session-started}, with the section titles and the cut-over blocks of {@code runbook}. */
	void sessionStarted(Runbook runbook, JournalEvent.TargetRef target, SessionSettings settings, SessionMode mode) {
		Map<String, String> sections = new LinkedHashMap<>();
		runbook.sections().forEach(section -> sections.put(section.number(), section.title()));
		List<String> cutover = runbook.executableBlocks().stream().filter(b -> b.annotations().cutover())
			.map(Block::id).toList();
		this.journal.append(new JournalEvent.SessionStarted(
				new JournalEvent.RunbookRef(runbook.file(), runbook.sha256(), runbook.title()), target,
				settings.operator(), settings.host(), settings.tool(), mode.recorded(), sections,
				cutover.isEmpty() ? null : cutover));
	}

	/** {@code session-resumed}, naming the blocks that were in flight when the previous run ended. */
	void sessionResumed(SessionSettings settings, SessionMode mode, List<BlockRef> inFlight) {
		this.journal.append(new JournalEvent.SessionResumed(settings.operator(), settings.host(), mode.recorded(),
				inFlight.stream().map(BlockRef::id).toList()));
	}

	/** {@code session-finished}, once: a session finished (or closed) again writes nothing more. */
	void sessionFinished(SessionResult result) {
		if (!this.finished) {
			this.finished = true;
			this.journal.append(new JournalEvent.SessionFinished(result.status().recorded(), result.counts()));
		}
	}

	/** @param maskedText the edited command, already masked, or null */
	void decision(Block block, Decision.Choice choice, String maskedText) {
		this.journal.append(new JournalEvent.Decision(ref(block), choice.recorded(), maskedText));
	}

	/** @param command the command exactly as sent, masked */
	void blockStarted(BlockRef block, String command, BlockMarker marker) {
		this.journal.append(new JournalEvent.BlockStarted(block, command, marker == null ? null
				: new JournalEvent.TargetMarker(marker.file(), marker.shellPid(), marker.token())));
	}

	/** The end of a block that ran (or was sent and lost): its report, captured output and failed commands. */
	void blockFinished(BlockRef block, BlockReport report, SessionJournal.Captured captured,
			List<JournalEvent.FailedCommand> failures, int failedCount, JournalEvent.ShellSnapshot shell) {
		this.journal.append(new JournalEvent.BlockFinished(block, report.status(), report.exitCode(),
				report.duration().toMillis(), captured.output(), captured.outputFile(), report.expectations(),
				failures.isEmpty() ? null : failures, failures.isEmpty() ? null : failedCount, shell));
	}

	/** The end of a block of which nothing ran: skipped, or stopped before it started. */
	void blockNotRun(Block block, BlockStatus status) {
		this.journal.append(new JournalEvent.BlockFinished(ref(block), status, null, 0, null, null, List.of()));
	}

	/** The end, found on resume, of a block that was running when the previous run ended. */
	void blockEndedUnseen(InFlightBlocks.Ending ending) {
		this.journal.append(new JournalEvent.BlockFinished(ending.block(), ending.status(), ending.exitCode(), 0,
				"(" + ending.why() + ")", null, List.of(), null, ending.failedCount(), null));
	}

	/** @param value the value, or the mask when secret */
	void variableSet(String name, String value, boolean secret) {
		this.journal.append(new JournalEvent.VariableSet(name, value, secret));
	}

	void check(ChecklistItem item, CheckResult result) {
		this.journal.append(new JournalEvent.Check(item.line(), item.text(), item.section(),
				result.state().recorded(), this.secrets.mask(result.note())));
	}

	/** A note, attached to {@code block} (or to none when null). */
	void note(String text, BlockRef block) {
		this.journal.append(new JournalEvent.Note(this.secrets.mask(text), block));
	}

	/** Starts capturing a block's (masked) output. */
	SessionJournal.Capture capture(BlockRef block) {
		return this.journal.capture(block);
	}

	String location() {
		return this.journal.location();
	}

	void close() {
		this.journal.close();
	}

}
