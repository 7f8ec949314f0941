package dev.runbookshell.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.runbookshell.journal.JournalFold.Attempt;

/**
 * Two runs of the same runbook side by side (a rehearsal and the production run): per block, both statuses and
 * durations and whether the output differed; each run's total time; and the downtime estimate.
 *
 * <p>The cut-over blocks are those session-started lists in {@code cutover} (the blocks annotated
 * {@code cutover=true}). A journal without that list (the runbook marks none, or an older journal) falls back to
 * names: a block counts as cut-over when its name, its section's title or an enclosing section's title (from
 * session-started's {@code sections}) contains "cutover", "cut-over", "cut over" or "downtime" (any case). The downtime estimate of a run is the wall-clock
 * time from the start of its first cut-over block to the end of its last one (operator pauses included, because
 * the service is down during them too); the time spent inside those blocks is given as well.
 *
 * @param a the first run (usually the rehearsal)
 * @param b the second run (usually production)
 * @param rows one row per block id that appears in either run, in order of appearance (a first)
 */
public record RunComparison(Run a, Run b, List<Row> rows) {

	/** One block in both runs; a side is null when the block did not appear in that run. */
	public record Row(String id, String name, BlockRun a, BlockRun b, boolean contentChanged, Boolean outputDiffers,
			boolean cutover) {
	}

	/** The cut-over part of one run. */
	public record Downtime(List<String> blockIds, Duration wallClock, long inBlocksMs) {

		public boolean known() {
			return !this.blockIds.isEmpty();
		}

	}

	public static RunComparison of(Run a, Run b) {
		Map<String, BlockRun[]> byId = new LinkedHashMap<>();
		for (BlockRun block : a.blocks()) {
			byId.computeIfAbsent(block.block().id(), id -> new BlockRun[2])[0] = block;
		}
		for (BlockRun block : b.blocks()) {
			byId.computeIfAbsent(block.block().id(), id -> new BlockRun[2])[1] = block;
		}
		List<Row> rows = new ArrayList<>();
		byId.forEach((id, pair) -> {
			BlockRun x = pair[0];
			BlockRun y = pair[1];
			BlockRun any = x != null ? x : y;
			boolean changed = x != null && y != null && !x.block().hash().equals(y.block().hash());
			Boolean differs = x == null || y == null || x.finished() == null || y.finished() == null ? null
					: !ComparableOutput.fingerprint(x, a).equals(ComparableOutput.fingerprint(y, b));
			boolean cutover = (x != null && isCutover(x, a)) || (y != null && isCutover(y, b));
			rows.add(new Row(id, any.block().name(), x, y, changed, differs, cutover));
		});
		return new RunComparison(a, b, List.copyOf(rows));
	}

	/** Whether the runbook files differ (their sha256). */
	public boolean runbooksDiffer() {
		return this.a.started() != null && this.b.started() != null && this.a.started().runbook() != null
				&& this.b.started().runbook() != null
				&& !String.valueOf(this.a.started().runbook().sha256())
					.equals(String.valueOf(this.b.started().runbook().sha256()));
	}

	public Downtime downtimeA() {
		return downtime(this.a);
	}

	public Downtime downtimeB() {
		return downtime(this.b);
	}

	static Downtime downtime(Run run) {
		List<String> ids = new ArrayList<>();
		Instant first = null;
		Instant last = null;
		long inBlocks = 0;
		for (BlockRun block : run.blocks()) {
			if (!isCutover(block, run)) {
				continue;
			}
			ids.add(block.block().id());
			inBlocks += block.durationMs();
			for (Attempt attempt : block.attempts()) {
				if (attempt.startedAt() != null && (first == null || attempt.startedAt().isBefore(first))) {
					first = attempt.startedAt();
				}
				Instant end = attempt.endAt();
				if (end != null && (last == null || end.isAfter(last))) {
					last = end;
				}
			}
		}
		Duration wall = first == null || last == null ? Duration.ZERO : Duration.between(first, last);
		return new Downtime(List.copyOf(ids), wall, inBlocks);
	}

	static boolean isCutover(BlockRun block, Run run) {
		List<String> marked = run.started() == null ? null : run.started().cutover();
		if (marked != null) {
			return marked.contains(block.block().id());
		}
		if (mentionsCutover(block.block().name())) {
			return true;
		}
		String section = block.section();
		while (!section.isEmpty()) {
			if (mentionsCutover(run.sectionTitles().get(section))) {
				return true;
			}
			int dot = section.lastIndexOf('.');
			section = dot < 0 ? "" : section.substring(0, dot);
		}
		return false;
	}

	private static boolean mentionsCutover(String text) {
		if (text == null) {
			return false;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		return lower.contains("cutover") || lower.contains("cut-over") || lower.contains("cut over")
				|| lower.contains("downtime");
	}

}
