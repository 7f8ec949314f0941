package dev.runbookshell.report;

import java.util.ArrayList;
import java.util.List;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.Decision;
import dev.runbookshell.journal.JournalEvent.ExpectationResult;
import dev.runbookshell.journal.JournalEvent.Note;
import dev.runbookshell.journal.JournalFold.Attempt;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.DurationText;

/**
 * The Markdown inserted under one block of the runbook-as-record: its outcome, who decided what and when, the
 * command as it ran when that differs from the text above (an edit, values filled in), and the output folded in
 * {@code <details>} (open when the block did not succeed); a block that ran more than once shows each attempt so,
 * in order. Lines without their line ends; the caller adds the markers and the container's indentation.
 */
final class BlockRecordText {

	private BlockRecordText() {
	}

	static List<String> of(Block block, BlockRun run, Run whole, RecordActors actors) {
		List<String> md = new ArrayList<>();
		StringBuilder head = new StringBuilder("> ").append(symbol(run.status())).append(" **")
			.append(MarkdownReport.inline(block.label())).append(": ").append(run.status().wire()).append("**");
		if (run.exitCode() != null) {
			head.append(" · exit ").append(run.exitCode());
		}
		if (run.startedAt() != null) {
			head.append(" · took ").append(DurationText.report(run.durationMs())).append(" · started ")
				.append(UtcTime.dateTime(run.startedAt()));
		}
		md.add(head.toString());
		List<String> facts = new ArrayList<>();
		for (Decision decision : run.decisions()) {
			RecordActors.Act act = actors.of(decision);
			facts.add("Decided *" + MarkdownReport.inline(decision.choice().wire()) + "*"
					+ (act == null ? "" : " by " + MarkdownReport.inline(act.who()) + " at " + UtcTime.dateTime(act.at())));
		}
		if (run.attempts().size() > 1) {
			facts.add("Attempts: " + run.attempts().size() + " (" + String.join("; ", run.attempts().stream()
				.map(a -> a.finished() == null ? "unknown" : a.finished().status().wire()
						+ (a.finished().exitCode() == null ? "" : ", exit " + a.finished().exitCode()))
				.toList()) + ")");
		}
		for (ExpectationResult e : run.expectations()) {
			facts.add("Expectation " + (e.met() ? "met" : "**not met**") + ": " + MarkdownReport.inline(e.text()));
		}
		for (Note note : run.notes()) {
			facts.add("Note: " + MarkdownReport.inline(note.text()));
		}
		if (!facts.isEmpty()) {
			md.add(">");
			facts.forEach(fact -> md.add("> - " + fact));
		}
		List<Attempt> ran = run.ranAttempts();
		if (ran.size() > 1) {
			for (int i = 0; i < ran.size(); i++) {
				attempt(block, run, ran.get(i), i + 1, ran.size(), whole, md);
			}
			return md;
		}
		ranText(block, run, run.command(), md);
		if (run.output() != null && !run.output().isEmpty()) {
			output(FoldedOutput.of(run, whole), "Output", run.status(), md);
		}
		return md;
	}

	/** One attempt of a block that ran more than once: its outcome, the text it ran when that differs, its output. */
	private static void attempt(Block block, BlockRun run, Attempt attempt, int n, int of, Run whole,
			List<String> md) {
		BlockFinished finished = attempt.finished();
		StringBuilder head = new StringBuilder("> **Attempt ").append(n).append(" of ").append(of).append(": ")
			.append(MarkdownReport.inline(BlockRun.statusText(attempt))).append("**");
		if (finished == null) {
			head.append(" · never ended in the journal");
		}
		else {
			head.append(finished.exitCode() == null ? "" : " · exit " + finished.exitCode()).append(" · took ")
				.append(DurationText.report(finished.durationMs()));
		}
		if (attempt.startedAt() != null) {
			head.append(" · started ").append(UtcTime.dateTime(attempt.startedAt()));
		}
		md.add("");
		md.add(head.toString());
		ranText(block, run, attempt.command(), md);
		if (finished != null && finished.output() != null && !finished.output().isEmpty()) {
			output(FoldedOutput.of(finished, whole), "Output of attempt " + n, finished.status(), md);
		}
	}

	/**
	 * The text that ran, when it is not the block's own: an edit when a decision gave that text (an earlier
	 * attempt's edit does not make a later text an edit), else the block with its values filled in.
	 */
	private static void ranText(Block block, BlockRun run, String ran, List<String> md) {
		if (ran == null || ran.strip().equals(block.command().strip())) {
			return;
		}
		boolean edited = run.decisions().stream().anyMatch(d -> d.text() != null && d.text().strip().equals(ran.strip()));
		md.add(">");
		md.add(edited ? "> Ran, as edited by the operator:" : "> Ran, with the values filled in:");
		md.add(">");
		StringBuilder fenced = new StringBuilder();
		MarkdownReport.fence(fenced, "bash", ran);
		fenced.toString().lines().forEach(line -> md.add("> " + line));
	}

	/** A flow block the session never reached (or was not asked to run). */
	static List<String> notRun(Block block) {
		return List.of("> ⬜ **" + MarkdownReport.inline(block.label()) + ": not run** in this session");
	}

	private static void output(FoldedOutput folded, String title, BlockStatus status, List<String> md) {
		int shown = folded.head().size() + folded.tail().size();
		String summary = folded.folded() ? title + " (" + MarkdownReport.inline(folded.omitted()) + ")"
				: title + ": " + shown + (shown == 1 ? " line" : " lines");
		md.add("");
		md.add((status == BlockStatus.SUCCEEDED || status == BlockStatus.SKIPPED ? "<details>" : "<details open>")
				+ "<summary>" + summary + "</summary>");
		md.add("");
		StringBuilder text = new StringBuilder(String.join("\n", folded.head()));
		if (folded.folded()) {
			text.append("\n[... ").append(folded.omitted()).append(" ...]\n").append(String.join("\n", folded.tail()));
		}
		StringBuilder fenced = new StringBuilder();
		MarkdownReport.fence(fenced, "text", text.toString());
		fenced.toString().lines().forEach(md::add);
		md.add("");
		md.add("</details>");
	}

	private static String symbol(BlockStatus status) {
		return switch (status) {
			case SUCCEEDED -> "✅";
			case FAILED -> "❌";
			case SKIPPED -> "⏭️";
			case TIMED_OUT -> "⏱️";
			case INTERRUPTED -> "⛔";
			case UNKNOWN -> "❓";
			default -> "•";
		};
	}

}
