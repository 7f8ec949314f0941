package dev.runbookshell.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runbookshell.journal.CheckState;
import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalEvent.SessionResumed;
import dev.runbookshell.journal.JournalEvent.SessionStarted;
import dev.runbookshell.journal.JournalFold.Timed;
import dev.runbookshell.journal.WireName;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ParseNote;
import dev.runbookshell.runbook.ParseResult;

/**
 * {@code report LOG --format runbook}: the runbook itself as the record of a run. The original file comes out byte
 * for byte (line ends, invalid UTF-8 and all), with inserted parts only: a summary of the session at the top (after
 * any front matter), under each block what happened to it ({@link BlockRecordText}), and after each checklist item
 * who ticked it and when, its box ticked ({@code [x]}) when it was checked. It renders on GitHub and GitLab as the
 * same document; the inserted parts are HTML comments, a quote and {@code <details>}.
 *
 * <p>Every inserted part can be taken out again: a block of whole lines from a line
 * {@code <!-- runbook-shell:record ... -->} to a line {@code <!-- /runbook-shell:record -->} (both after the
 * container's indentation), and on a checklist line the text from {@code <!-- runbook-shell:check -->} (or
 * {@code <!-- runbook-shell:check ticked -->}, whose box was {@code [ ]}) to {@code <!-- /runbook-shell:check -->}.
 * When the file lacks a last newline and a part is inserted at its end, that part starts with a newline and
 * ends without one.
 */
public final class RunbookRecord {

	/** Starts an inserted block of lines; an id follows. */
	public static final String BEGIN = "<!-- runbook-shell:record ";

	/** Ends an inserted block of lines. */
	public static final String END = "<!-- /runbook-shell:record -->";

	/** Starts an inserted tick on a checklist line; {@code ticked} follows when the box was changed to [x]. */
	public static final String CHECK_BEGIN = "<!-- runbook-shell:check";

	public static final String CHECK_END = "<!-- /runbook-shell:check -->";

	private static final Pattern FENCE = Pattern.compile("(`{3,}|~{3,})");

	private static final Pattern CHECKBOX = Pattern.compile("^([ \\t>]*(?:[-*+]|\\d{1,9}[.)])[ \\t]+)\\[( )\\]");

	/**
	 * @param journal the session's journal (intact; a verified prefix when only that is signed)
	 * @param parsed the runbook it ran, parsed from {@code source}
	 * @param source the runbook file's bytes (their sha256 is the journal's)
	 */
	public byte[] render(Journal journal, ParseResult parsed, byte[] source) {
		Run run = Run.of(journal);
		RecordActors actors = new RecordActors(journal);
		SourceText text = new SourceText(source);
		header(run, text);
		Map<String, BlockRun> ran = new java.util.HashMap<>();
		run.blocks().forEach(block -> ran.put(block.block().id(), block));
		for (Block block : parsed.runbook().executableBlocks()) {
			BlockRun blockRun = ran.get(block.id());
			if (blockRun != null) {
				insertAt(text, block, parsed, BlockRecordText.of(block, blockRun, run, actors));
			}
			else if (!block.rollback()) {
				insertAt(text, block, parsed, BlockRecordText.notRun(block));
			}
		}
		actors.ticks().forEach((line, tick) -> tick(text, line, tick));
		return text.bytes();
	}

	private static void header(Run run, SourceText text) {
		SessionStarted s = run.started();
		StringBuilder line = new StringBuilder("> 📋 **Record of a run");
		if (s != null && s.tool() != null) {
			line.append(" by ").append(MarkdownReport.inline(s.tool().name() + " " + s.tool().version()));
		}
		line.append("**: on **").append(MarkdownReport.inline(run.targetName())).append("**");
		if (s != null) {
			line.append(", by ").append(MarkdownReport.inline(s.operator())).append(" on ")
				.append(MarkdownReport.inline(s.host())).append(" (").append(MarkdownReport.inline(WireName.of(s.mode()))).append(')');
		}
		line.append(", ").append(UtcTime.dateTime(run.start())).append(" to ").append(UtcTime.dateTime(run.end()))
			.append(": **").append(run.result().toUpperCase(Locale.ROOT)).append("** (")
			.append(MarkdownReport.inline(run.countsText())).append("). Journal ")
			.append(MarkdownReport.inline(run.journal().getFileName().toString())).append(": ")
			.append(run.eventCount()).append(" events, hash chain verified. What happened to each block is under it.");
		List<String> lines = new ArrayList<>(List.of(BEGIN + "session -->", line.toString()));
		for (Timed<SessionResumed> resume : run.resumes()) {
			lines.add(">");
			lines.add("> Resumed " + UtcTime.dateTime(resume.at()) + " by "
					+ MarkdownReport.inline(resume.event().operator()) + " on "
					+ MarkdownReport.inline(resume.event().host()) + ".");
		}
		lines.add("");
		lines.add(END);
		text.insertBefore(afterFrontMatter(text), lines);
	}

	/** The first line after a YAML front matter ({@code ---} to {@code ---} or {@code ...}), else 1. */
	private static int afterFrontMatter(SourceText text) {
		if (text.lineCount() == 0 || !text.line(1).strip().equals("---")) {
			return 1;
		}
		for (int line = 2; line <= text.lineCount(); line++) {
			String content = text.line(line).strip();
			if (content.equals("---") || content.equals("...")) {
				return line + 1;
			}
		}
		return 1;
	}

	/** Under the block's closing fence; above its opening fence when it has none (all below it is code then). */
	private static void insertAt(SourceText text, Block block, ParseResult parsed, List<String> record) {
		String fenceLine = text.line(block.line());
		Matcher fence = FENCE.matcher(fenceLine);
		String indent = fence.find() ? fenceLine.substring(0, fence.start()).replaceAll("[^ \\t>]", " ") : "";
		boolean unclosed = parsed.notes()
			.stream()
			.anyMatch(n -> n.kind() == ParseNote.Kind.UNCLOSED_FENCE && n.line() == block.line());
		int contentLines = (int) block.content().chars().filter(c -> c == '\n').count();
		int at = unclosed ? block.line() : block.line() + contentLines + 2;
		List<String> lines = new ArrayList<>();
		lines.add(indent + BEGIN + "block " + block.id() + " -->");
		for (String line : record) {
			lines.add(line.isBlank() ? indent.stripTrailing() : indent + line);
		}
		lines.add(indent.stripTrailing());
		lines.add(indent + END);
		text.insertBefore(at, lines);
	}

	private static void tick(SourceText text, int line, RecordActors.Tick tick) {
		if (line < 1 || line > text.lineCount()) {
			return;
		}
		CheckState result = tick.check().result() == null ? CheckState.UNVERIFIED : tick.check().result();
		boolean checked = result == CheckState.CHECKED;
		Matcher box = CHECKBOX.matcher(text.line(line));
		boolean ticked = checked && box.find();
		if (ticked) {
			text.replaceLine(line, box.group(1) + "[x]" + text.line(line).substring(box.end()));
		}
		String what = switch (result) {
			case CHECKED -> "✅ checked";
			case UNCHECKED -> "❌ not confirmed";
			case UNVERIFIED -> "⬜ left unverified";
		};
		String note = tick.check().note() == null || tick.check().note().isBlank() ? ""
				: ": " + MarkdownReport.inline(tick.check().note());
		text.appendToLine(line, CHECK_BEGIN + (ticked ? " ticked" : "") + " --> *" + what + " by "
				+ MarkdownReport.inline(tick.act().who()) + " at " + UtcTime.dateTime(tick.act().at()) + note + "*"
				+ CHECK_END);
	}

}
