package dev.runbookshell.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.ChainStatus;
import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalEvent.Check;
import dev.runbookshell.journal.JournalEvent.Note;
import dev.runbookshell.journal.JournalEvent.SessionResumed;
import dev.runbookshell.journal.JournalEvent.SessionStarted;
import dev.runbookshell.journal.JournalEvent.VariableSet;
import dev.runbookshell.journal.JournalFold.Timed;
import dev.runbookshell.journal.SessionStatus;

/**
 * One session as the reports see it, built from its journal alone: who ran which runbook where and when, the
 * blocks in the order they were first touched, checklist ticks, notes and variables. Every renderer works from
 * this.
 *
 * @param journal the journal file (side files are resolved against its folder)
 * @param verification how the journal's chain verified (never broken: such journals are not reported)
 * @param started the session-started event, or null when the journal lacks one
 * @param start time of the first event
 * @param end time of the last event
 * @param status the session-finished status, or null when the session did not finish (yet)
 * @param blocks the blocks in order of first appearance
 * @param checks checklist ticks, in order
 * @param notes notes not attached to a block, in order, with their times
 * @param variables variables set, values already masked where secret
 * @param resumes each time the session was resumed, with its time
 * @param eventCount number of events in the journal
 */
public record Run(Path journal, ChainStatus verification, SessionStarted started, Instant start, Instant end,
		SessionStatus status, List<BlockRun> blocks, List<Check> checks, List<Timed<Note>> notes,
		List<VariableSet> variables, List<Timed<SessionResumed>> resumes, int eventCount) {

	/** Builds the run from an intact (or incomplete-last-line) journal; refuses a broken one. */
	public static Run of(Journal journal) {
		return RunAssembly.assemble(journal);
	}

	public String title() {
		if (this.started != null && this.started.runbook() != null && this.started.runbook().title() != null) {
			return this.started.runbook().title();
		}
		return this.journal.getFileName().toString();
	}

	/** The runbook's file name, as failed commands are named ({@code deploy.md:57}). */
	public String runbookFile() {
		if (this.started == null || this.started.runbook() == null || this.started.runbook().path() == null) {
			return "runbook";
		}
		return Path.of(this.started.runbook().path()).getFileName().toString();
	}

	public String targetName() {
		return this.started != null && this.started.target() != null ? this.started.target().name() : "unknown";
	}

	/** Section number to heading, from session-started (may be empty). */
	public Map<String, String> sectionTitles() {
		return this.started != null && this.started.sections() != null ? this.started.sections() : Map.of();
	}

	/** {@code 4.1 Copy data} or just {@code 4.1} when the journal has no title for it. */
	public String sectionLabel(String section) {
		if (section.isEmpty()) {
			return "(no section)";
		}
		String title = sectionTitles().get(section);
		return title == null ? section : section + " " + title;
	}

	/** Titles from the top-level section down: {@code Cut-over / Switch DNS}. */
	public String sectionPath(String section) {
		List<String> parts = new ArrayList<>();
		String number = section;
		while (!number.isEmpty()) {
			String title = sectionTitles().get(number);
			parts.add(0, title == null ? number : title);
			int dot = number.lastIndexOf('.');
			number = dot < 0 ? "" : number.substring(0, dot);
		}
		return parts.isEmpty() ? "(no section)" : String.join(" / ", parts);
	}

	/** Blocks grouped by section, sections in order of first appearance. */
	public Map<String, List<BlockRun>> blocksBySection() {
		Map<String, List<BlockRun>> groups = new LinkedHashMap<>();
		for (BlockRun block : this.blocks) {
			groups.computeIfAbsent(block.section(), s -> new ArrayList<>()).add(block);
		}
		return groups;
	}

	/** The checklist ticks of one section, in order. */
	public List<Check> checksIn(String section) {
		return this.checks.stream().filter(c -> section.equals(c.section() == null ? "" : c.section())).toList();
	}

	/** Number of blocks by status, every status present (zero when none), in enum order. */
	public Map<BlockStatus, Integer> counts() {
		Map<BlockStatus, Integer> counts = new LinkedHashMap<>();
		for (BlockStatus status : BlockStatus.values()) {
			counts.put(status, 0);
		}
		for (BlockRun block : this.blocks) {
			counts.merge(block.status(), 1, Integer::sum);
		}
		return counts;
	}

	/** {@code 3 succeeded, 1 failed}: the non-zero counts. */
	public String countsText() {
		List<String> parts = new ArrayList<>();
		counts().forEach((status, n) -> {
			if (n > 0) {
				parts.add(n + " " + status.wire());
			}
		});
		return parts.isEmpty() ? "no blocks" : String.join(", ", parts);
	}

	/** Wall-clock time from the first to the last event. */
	public Duration elapsed() {
		return Duration.between(this.start, this.end);
	}

	/** Time spent running blocks (all attempts). */
	public long blockMs() {
		return this.blocks.stream().mapToLong(BlockRun::durationMs).sum();
	}

	/** Side files are named relative to the journal's folder. */
	public Path sideFile(String outputFile) {
		return this.journal.resolveSibling(outputFile);
	}

	public boolean finishedCleanly() {
		return this.status != null;
	}

	/** The status as the reports show it: {@code succeeded}, ..., or {@code unfinished}. */
	public String result() {
		return this.status == null ? "unfinished" : this.status.wire();
	}

}
