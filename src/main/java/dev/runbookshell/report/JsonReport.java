package dev.runbookshell.report;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalCodec;
import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.FailedCommand;
import dev.runbookshell.journal.JournalEvent.SessionStarted;
import dev.runbookshell.journal.JournalFold.Attempt;
import dev.runbookshell.journal.WireName;

/**
 * A machine-readable summary of the run: result, counts by status, total and per-block durations, and one row
 * per block (id, name, section, status, exit code, duration, decision, and each attempt's outcome).
 */
public final class JsonReport implements ReportRenderer {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	@Override
	public String render(Run run) {
		return text(tree(run));
	}

	/** The summary as a JSON tree: what {@link #render} writes, and what a fleet report holds per host. */
	static ObjectNode tree(Run run) {
		ObjectNode root = JSON.createObjectNode();
		root.put("journal", run.journal().getFileName().toString());
		root.put("title", run.title());
		SessionStarted s = run.started();
		if (s != null && s.runbook() != null) {
			root.putObject("runbook").put("path", s.runbook().path()).put("sha256", s.runbook().sha256());
		}
		if (s != null && s.target() != null) {
			root.putObject("target")
				.put("name", s.target().name())
				.put("uri", s.target().uri())
				.put("fingerprint", s.target().fingerprint());
		}
		if (s != null) {
			root.put("operator", s.operator()).put("mode", WireName.of(s.mode()));
		}
		root.put("start", JournalCodec.formatInstant(run.start()));
		root.put("end", JournalCodec.formatInstant(run.end()));
		root.put("result", run.result());
		root.put("elapsedMs", run.elapsed().toMillis());
		root.put("blockDurationMs", run.blockMs());
		ObjectNode counts = root.putObject("counts");
		run.counts().forEach((status, n) -> counts.put(status.wire(), n));
		ArrayNode blocks = root.putArray("blocks");
		for (BlockRun block : run.blocks()) {
			ObjectNode row = blocks.addObject()
				.put("id", block.block().id())
				.put("name", block.block().name())
				.put("section", block.section())
				.put("status", block.status().wire());
			if (block.exitCode() == null) {
				row.putNull("exitCode");
			}
			else {
				row.put("exitCode", block.exitCode());
			}
			if (!block.failedCommands().isEmpty()) {
				row.put("failedCount", block.failedCount());
				failedCommands(row.putArray("failedCommands"), block.failedCommands(), run);
			}
			row.put("durationMs", block.durationMs());
			row.put("attempts", block.ranAttempts().size());
			ArrayNode tries = row.putArray("attemptResults");
			for (Attempt attempt : block.ranAttempts()) {
				attempt(tries.addObject(), attempt, run);
			}
			row.put("decision", block.decisionText());
			if (block.startedAt() != null) {
				row.put("startedAt", JournalCodec.formatInstant(block.startedAt()));
			}
		}
		return root;
	}

	/** One attempt of a block: its status (unknown when it never ended), exit code, duration and failed commands. */
	private static void attempt(ObjectNode node, Attempt attempt, Run run) {
		BlockFinished finished = attempt.finished();
		node.put("status", finished == null ? BlockStatus.UNKNOWN.wire() : finished.status().wire());
		if (finished == null || finished.exitCode() == null) {
			node.putNull("exitCode");
		}
		else {
			node.put("exitCode", finished.exitCode());
		}
		node.put("durationMs", finished == null ? 0 : finished.durationMs());
		if (attempt.startedAt() != null) {
			node.put("startedAt", JournalCodec.formatInstant(attempt.startedAt()));
		}
		if (finished != null && !finished.failures().isEmpty()) {
			node.put("failedCount", finished.failureCount());
			failedCommands(node.putArray("failedCommands"), finished.failures(), run);
		}
	}

	private static void failedCommands(ArrayNode array, List<FailedCommand> failed, Run run) {
		failed.forEach(f -> array.addObject()
			.put("file", run.runbookFile())
			.put("line", f.line())
			.put("command", f.command())
			.put("exitCode", f.exitCode()));
	}

	static String text(ObjectNode root) {
		try {
			return JSON.writeValueAsString(root) + "\n";
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write JSON summary", ex);
		}
	}

}
