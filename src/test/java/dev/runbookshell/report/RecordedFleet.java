package dev.runbookshell.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.DecisionChoice;
import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.BlockStarted;
import dev.runbookshell.journal.JournalEvent.Decision;
import dev.runbookshell.journal.JournalEvent.FailedCommand;
import dev.runbookshell.journal.JournalEvent.RunbookRef;
import dev.runbookshell.journal.JournalEvent.SessionFinished;
import dev.runbookshell.journal.JournalEvent.SessionStarted;
import dev.runbookshell.journal.JournalEvent.TargetRef;
import dev.runbookshell.journal.JournalEvent.ToolRef;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.RunMode;
import dev.runbookshell.journal.SessionStatus;

/**
 * Journals and a fleet index recorded the way a fleet run leaves them, for the report tests: each host runs
 * {@code 1.1 prepare}, then {@code 1.2 migrate}, which fails on a flaky host at line 7 and succeeds when retried,
 * then {@code 1.3 watch}, which follows output and is stopped at its timeout.
 */
final class RecordedFleet {

	static final BlockRef PREPARE = new BlockRef("1.1", "prepare", "sha256:11");

	static final BlockRef MIGRATE = new BlockRef("1.2", "migrate", "sha256:12");

	static final BlockRef WATCH = new BlockRef("1.3", "watch", "sha256:13");

	private RecordedFleet() {
	}

	/** One host's journal; a {@code flaky} host fails 1.2 once and succeeds when retried. */
	static Path host(Path dir, String host, Instant start, boolean flaky) {
		RecordedRuns.TestClock clock = new RecordedRuns.TestClock(start);
		try (JournalWriter journal = JournalWriter.create(dir, "deploy", host, clock)) {
			journal.write(new SessionStarted(new RunbookRef("deploy.md", "abc123", "Deploy"),
					new TargetRef(host, "local", "local:" + host), "alice", "ops", new ToolRef("runbook-shell", "0.1.0"),
					RunMode.YES, Map.of("1", "Steps"), null));
			block(journal, clock, PREPARE, DecisionChoice.RUN, "echo prepare", BlockStatus.SUCCEEDED, 0,
					"prepared " + host + "\n", List.of());
			if (flaky) {
				block(journal, clock, MIGRATE, DecisionChoice.RUN, "./migrate", BlockStatus.FAILED, 3,
						"lock held by another migration\n", List.of(new FailedCommand(7, 3, "./migrate --lock")));
				block(journal, clock, MIGRATE, DecisionChoice.RETRY, "./migrate", BlockStatus.SUCCEEDED, 0,
						"migrated on the second try\n", List.of());
			}
			else {
				block(journal, clock, MIGRATE, DecisionChoice.RUN, "./migrate", BlockStatus.SUCCEEDED, 0, "migrated\n",
						List.of());
			}
			block(journal, clock, WATCH, DecisionChoice.RUN, "tail -f app.log", BlockStatus.STOPPED, 130, "", List.of());
			journal.write(new SessionFinished(SessionStatus.SUCCEEDED, Map.of("succeeded", 2, "stopped", 1)));
			return journal.path();
		}
	}

	private static void block(JournalWriter journal, RecordedRuns.TestClock clock, BlockRef block,
			DecisionChoice choice, String command, BlockStatus status, int exit, String output,
			List<FailedCommand> failed) {
		journal.write(new Decision(block, choice, null));
		clock.advance(100);
		journal.write(new BlockStarted(block, command));
		clock.advance(400);
		journal.write(new BlockFinished(block, status, exit, 400, output, null, List.of(), failed,
				failed.isEmpty() ? null : failed.size(), null));
	}

	/** A fleet index naming {@code hosts} (each with its journal) in one batch, as a fleet run writes it. */
	static Path index(Path dir, Map<String, Path> hosts, List<String> decisions) throws Exception {
		List<String> entries = new ArrayList<>();
		hosts.forEach((name, journal) -> entries.add("""
				{"name": "%s", "uri": "local", "options": {}, "batch": 1, "journal": %s, "state": "succeeded",
				 "message": null}""".formatted(name, journal == null ? "null" : "\"" + dir.relativize(journal) + "\"")));
		String names = String.join(", ", hosts.keySet().stream().map(n -> "\"" + n + "\"").toList());
		return Files.writeString(dir.resolve("deploy-fleet-20250301T020000Z.json"), """
				{"kind": "runbook-shell fleet index 1", "runbook": "deploy.md", "runbookSha256": "abc123",
				 "started": "2025-03-01T02:00:00Z", "updated": "2025-03-01T02:00:09Z", "parallel": 5,
				 "maxFailPercent": 0, "serial": null, "hosts": [%s], "batches": [[%s]], "decisions": [%s]}
				""".formatted(String.join(", ", entries), names, String.join(", ", decisions)));
	}

	/** A decision the fleet took for several hosts, as the index records it. */
	static String decision(String block, String choice, String... hosts) {
		return """
				{"at": "2025-03-01T02:00:01Z", "batch": 1, "block": "%s", "choice": "%s", "hosts": [%s],
				 "stopFleet": false}""".formatted(block, choice,
				String.join(", ", List.of(hosts).stream().map(h -> "\"" + h + "\"").toList()));
	}

}
