package dev.runbookshell.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.CheckState;
import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.Check;
import dev.runbookshell.journal.JournalEvent.Decision;
import dev.runbookshell.journal.JournalEvent.ExpectationResult;
import dev.runbookshell.journal.JournalEvent.Note;
import dev.runbookshell.journal.JournalEvent.SessionResumed;
import dev.runbookshell.journal.JournalEvent.SessionStarted;
import dev.runbookshell.journal.JournalEvent.VariableSet;
import dev.runbookshell.runbook.DurationText;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalFold.Attempt;
import dev.runbookshell.journal.JournalFold.Timed;
import dev.runbookshell.journal.WireName;

/**
 * The Migration Log in Markdown, the document an operator attaches to the change ticket: a header (runbook,
 * target, operator, times, result), then each section's blocks with decision, status, command, output (long
 * output folded; a block that ran more than once shows each attempt in order), expectations, notes and checklist
 * ticks, then a summary table. Also what the writer keeps
 * current beside the journal while a session runs.
 */
public final class MarkdownReport implements ReportRenderer {

	private static final Pattern BACKTICKS = Pattern.compile("`+");

	@Override
	public String render(Run run) {
		StringBuilder md = new StringBuilder();
		header(run, md);
		for (String section : SectionOrder.of(run)) {
			md.append("\n## ").append(inline(run.sectionLabel(section))).append('\n');
			for (BlockRun block : run.blocksBySection().getOrDefault(section, List.of())) {
				block(run, block, md);
			}
			checks(run, section, md);
		}
		if (!run.notes().isEmpty()) {
			md.append("\n## Notes\n\n");
			for (Timed<Note> note : run.notes()) {
				md.append("- ").append(UtcTime.time(note.at())).append(": ").append(inline(note.event().text()))
					.append('\n');
			}
		}
		summary(run, md);
		return md.toString();
	}

	private static void header(Run run, StringBuilder md) {
		md.append("# Migration Log: ").append(inline(run.title())).append("\n\n");
		md.append("| | |\n|---|---|\n");
		SessionStarted s = run.started();
		if (s != null && s.runbook() != null) {
			row(md, "Runbook", code(s.runbook().path()) + " (sha256 " + code(s.runbook().sha256()) + ")");
		}
		if (s != null && s.target() != null) {
			row(md, "Target", inline(s.target().name()) + " " + code(s.target().uri()) + " (fingerprint "
					+ code(s.target().fingerprint()) + ")");
		}
		if (s != null) {
			row(md, "Operator", inline(s.operator()) + " on " + inline(s.host()));
			String tool = s.tool() == null ? "" : s.tool().name() + " " + s.tool().version() + ", ";
			row(md, "Mode", inline(tool + WireName.of(s.mode())));
		}
		row(md, "Started", UtcTime.dateTime(run.start()));
		row(md, "Ended", run.finishedCleanly() ? UtcTime.dateTime(run.end())
				: "not finished (last event " + UtcTime.dateTime(run.end()) + ")");
		row(md, "Duration", DurationText.report(run.elapsed()) + " (" + DurationText.report(run.blockMs())
				+ " running blocks)");
		row(md, "Result", "**" + run.result().toUpperCase(java.util.Locale.ROOT) + "**: " + run.countsText());
		row(md, "Journal", code(run.journal().getFileName().toString()) + ", " + run.eventCount()
				+ " events, hash chain " + (run.verification().isBroken() ? "broken" : "verified")
				+ (run.verification().state() == dev.runbookshell.journal.ChainStatus.State.INCOMPLETE_LAST_LINE
						? " (ends in an incomplete line from an interrupted write)" : ""));
		for (Timed<SessionResumed> resume : run.resumes()) {
			SessionResumed r = resume.event();
			md.append("\nResumed ").append(UtcTime.dateTime(resume.at())).append(" by ").append(inline(r.operator()))
				.append(" on ").append(inline(r.host()));
			if (r.unknownBlocks() != null && !r.unknownBlocks().isEmpty()) {
				md.append("; outcome unknown for ").append(inline(String.join(", ", r.unknownBlocks())));
			}
			md.append(".\n");
		}
		if (!run.variables().isEmpty()) {
			md.append("\nVariables:\n\n");
			for (VariableSet v : run.variables()) {
				md.append("- ").append(code(v.name())).append(" = ").append(code(v.value()))
					.append(v.secret() ? " (secret)" : "").append('\n');
			}
		}
	}

	private static void block(Run run, BlockRun block, StringBuilder md) {
		md.append("\n### ").append(inline(block.label())).append(": ").append(inline(block.statusText())).append("\n\n");
		if (block.startedAt() == null) {
			md.append("- Not run");
		}
		else {
			md.append("- Started: ").append(UtcTime.time(block.startedAt())).append(", took ")
				.append(DurationText.report(block.durationMs()));
		}
		if (block.exitCode() != null) {
			md.append(", exit code ").append(block.exitCode());
		}
		md.append('\n');
		if (!block.decisions().isEmpty()) {
			md.append("- Decision: ").append(inline(block.decisionText())).append('\n');
		}
		List<Attempt> ran = block.ranAttempts();
		if (ran.size() > 1) {
			md.append("- Attempts: ").append(ran.size()).append(" (").append(inline(block.attemptsText())).append(")\n");
		}
		else {
			failedCommands(run, block.status(), block.failedCommands(), block.failedCount(), md);
		}
		for (ExpectationResult e : block.expectations()) {
			md.append("- Expectation ").append(e.met() ? "met" : "NOT met").append(": ").append(code(e.text()))
				.append('\n');
		}
		boolean edited = false;
		for (Decision d : block.decisions()) {
			// an earlier attempt's edit does not make the text that ran last an edit (a resume runs the runbook's)
			edited |= d.text() != null && d.text().equals(block.command());
			if (d.text() != null && !d.text().equals(block.command())) {
				md.append("\nEdited command (").append(inline(d.choice().wire())).append("):\n\n");
				fence(md, "bash", d.text());
			}
		}
		if (ran.size() > 1) {
			attempts(run, block, ran, md);
		}
		else {
			if (block.command() != null) {
				md.append(edited ? "\nCommand as it ran (edited by the operator):\n\n" : "\nCommand as it ran:\n\n");
				fence(md, "bash", block.command());
			}
			if (block.output() != null && !block.output().isEmpty()) {
				output(FoldedOutput.of(block, run), md);
			}
		}
		for (Note note : block.notes()) {
			md.append("\n> Note: ").append(inline(note.text())).append('\n');
		}
	}

	/** Each attempt of a block that ran more than once, in order: its outcome, failed commands, command and output. */
	private static void attempts(Run run, BlockRun block, List<Attempt> ran, StringBuilder md) {
		for (int i = 0; i < ran.size(); i++) {
			Attempt attempt = ran.get(i);
			BlockFinished finished = attempt.finished();
			md.append("\n#### Attempt ").append(i + 1).append(" of ").append(ran.size()).append(": ")
				.append(inline(BlockRun.statusText(attempt))).append("\n\n");
			md.append("- Started: ").append(attempt.startedAt() == null ? "-" : UtcTime.time(attempt.startedAt()));
			if (finished == null) {
				md.append(", never ended in the journal\n");
			}
			else {
				md.append(", took ").append(DurationText.report(finished.durationMs()))
					.append(finished.exitCode() == null ? "" : ", exit code " + finished.exitCode()).append('\n');
				failedCommands(run, finished.status(), finished.failures(), finished.failureCount(), md);
			}
			String command = attempt.command();
			boolean edited = block.decisions().stream().anyMatch(d -> d.text() != null && d.text().equals(command));
			md.append(edited ? "\nCommand as it ran (edited by the operator):\n\n" : "\nCommand as it ran:\n\n");
			fence(md, "bash", command);
			if (finished != null && finished.output() != null && !finished.output().isEmpty()) {
				output(FoldedOutput.of(finished, run), md);
			}
		}
	}

	private static void output(FoldedOutput folded, StringBuilder md) {
		md.append("\nOutput:\n\n");
		StringBuilder text = new StringBuilder(String.join("\n", folded.head()));
		if (folded.folded()) {
			text.append("\n[... ").append(folded.omitted()).append(" ...]\n").append(String.join("\n", folded.tail()));
		}
		fence(md, "text", text.toString());
	}

	/** Each failed command with its runbook line, text and exit code; a warning when the block went on. */
	private static void failedCommands(Run run, BlockStatus status, List<JournalEvent.FailedCommand> failed,
			int failedCount, StringBuilder md) {
		if (failed.isEmpty()) {
			return;
		}
		String lead = status == BlockStatus.SUCCEEDED_WITH_FAILURES ? "- Warning: went on after "
				: "- Failed command: ";
		for (JournalEvent.FailedCommand f : failed) {
			md.append(lead).append(inline(run.runbookFile() + ":" + f.line() + ":")).append(' ')
				.append(f.command() == null || f.command().isEmpty() ? "a command" : code(f.command()))
				.append(" exited ").append(inline(f.exitText())).append('\n');
		}
		if (failedCount > failed.size()) {
			md.append("- ").append(failedCount - failed.size()).append(" more failed commands\n");
		}
	}

	private static void checks(Run run, String section, StringBuilder md) {
		List<Check> checks = run.checksIn(section);
		if (checks.isEmpty()) {
			return;
		}
		md.append("\nChecklist:\n\n");
		for (Check c : checks) {
			String box = c.result() == CheckState.CHECKED ? "[x]" : "[ ]";
			md.append("- ").append(box).append(' ').append(inline(c.text())).append(" (").append(inline(WireName.of(c.result())))
				.append(')');
			if (c.note() != null && !c.note().isEmpty()) {
				md.append(": ").append(inline(c.note()));
			}
			md.append('\n');
		}
	}

	private static void summary(Run run, StringBuilder md) {
		md.append("\n## Summary\n\n| Block | Decision | Status | Exit | Duration |\n|---|---|---|---|---|\n");
		for (BlockRun block : run.blocks()) {
			md.append("| ").append(inline(block.label())).append(" | ").append(inline(block.decisionText()))
				.append(" | ").append(inline(block.outcomeText())).append(" | ")
				.append(block.exitCode() == null ? "" : block.exitCode()).append(" | ")
				.append(DurationText.report(block.durationMs())).append(" |\n");
		}
		md.append("| **Total** | | ").append(inline(run.countsText())).append(" | | ")
			.append(DurationText.report(run.blockMs())).append(" |\n");
	}

	private static void row(StringBuilder md, String name, String value) {
		md.append("| ").append(name).append(" | ").append(value).append(" |\n");
	}

	/** A fenced block whose fence is longer than any run of backticks inside. */
	static void fence(StringBuilder md, String language, String text) {
		int longest = 2;
		Matcher m = BACKTICKS.matcher(text);
		while (m.find()) {
			longest = Math.max(longest, m.group().length());
		}
		String fence = "`".repeat(longest + 1);
		md.append(fence).append(language).append('\n').append(text);
		if (!text.endsWith("\n")) {
			md.append('\n');
		}
		md.append(fence).append('\n');
	}

	/** Inline code that survives backticks and table pipes in the value. */
	private static String code(String text) {
		if (text == null) {
			return "-";
		}
		String flat = text.replace("\n", " ").replace("|", "\\|");
		String ticks = flat.contains("`") ? "``" : "`";
		return ticks + (ticks.length() > 1 ? " " + flat + " " : flat) + ticks;
	}

	/** Text with Markdown's special characters escaped, on one line. */
	static String inline(String text) {
		if (text == null) {
			return "";
		}
		return text.replace("\r", "").replace("\n", " ").replaceAll("([\\\\`*_\\[\\]<>|~])", "\\\\$1");
	}

}
