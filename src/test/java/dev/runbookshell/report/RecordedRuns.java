package dev.runbookshell.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.CheckState;
import dev.runbookshell.journal.DecisionChoice;
import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.BlockStarted;
import dev.runbookshell.journal.JournalEvent.Check;
import dev.runbookshell.journal.JournalEvent.Decision;
import dev.runbookshell.journal.JournalEvent.ExpectationResult;
import dev.runbookshell.journal.JournalEvent.Note;
import dev.runbookshell.journal.JournalEvent.RunbookRef;
import dev.runbookshell.journal.JournalEvent.SessionFinished;
import dev.runbookshell.journal.JournalEvent.SessionStarted;
import dev.runbookshell.journal.JournalEvent.TargetRef;
import dev.runbookshell.journal.JournalEvent.ToolRef;
import dev.runbookshell.journal.JournalEvent.VariableSet;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.OutputCapture;
import dev.runbookshell.journal.RunMode;
import dev.runbookshell.journal.SecretMasker;
import dev.runbookshell.journal.SessionStatus;

/**
 * Journals recorded the way a session records them (writer, masker, output capture, a clock the test moves),
 * for the report tests: a run with a success, an edit, a failure with a note, a skip, a checklist, a long
 * cut-over output and a secret everywhere a secret could leak.
 */
final class RecordedRuns {

	static final String SECRET = "Sup3r-S3cret!pw";

	static final Instant START = Instant.parse("2025-03-01T02:00:00Z");

	static final BlockRef CHECK_DISK = new BlockRef("1.1", "check-disk", "sha256:1111");

	static final BlockRef STOP_APP = new BlockRef("1.2", "stop-app", "sha256:1212");

	static final BlockRef DUMP = new BlockRef("2.1", "dump-db", "sha256:2121");

	static final BlockRef VACUUM = new BlockRef("2.2", "vacuum", "sha256:2222");

	static final BlockRef SWITCH = new BlockRef("3.1.1", "switch-dns", "sha256:3131");

	private RecordedRuns() {
	}

	/** A clock the test moves forward. */
	static final class TestClock extends Clock {

		private Instant now;

		TestClock(Instant start) {
			this.now = start;
		}

		void advance(long ms) {
			this.now = this.now.plusMillis(ms);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	/**
	 * The rehearsal-shaped run on {@code target}; {@code dumpFails} makes 2.1 fail, {@code stamp} goes into the
	 * outputs (so two runs differ only in times when everything else is equal).
	 */
	static Path record(Path dir, String target, Instant start, boolean dumpFails, String stamp) {
		return record(dir, target, start, dumpFails, stamp, null);
	}

	/** As above, with session-started listing {@code cutover} as the blocks annotated cutover=true. */
	static Path record(Path dir, String target, Instant start, boolean dumpFails, String stamp, List<String> cutover) {
		TestClock clock = new TestClock(start);
		SecretMasker masker = new SecretMasker(List.of(SECRET));
		try (JournalWriter journal = JournalWriter.create(dir, "db-move", target, clock)) {
			journal.write(new SessionStarted(new RunbookRef("plans/db-move.md", "9f86d081884c7d65", "Database <move>"),
					new TargetRef(target, "ssh://ops@" + target + ":22", "SHA256:abcdef"), "alice", "ops-laptop",
					new ToolRef("runbook-shell", "0.1.0"), RunMode.INTERACTIVE,
					Map.of("1", "Preparation", "2", "Backup & data", "3", "Cut-over", "3.1", "DNS"), cutover));
			clock.advance(500);
			journal.write(new VariableSet("DB_HOST", "db1.internal", false));
			journal.write(new VariableSet("DB_PASSWORD", SecretMasker.MASK, true));
			clock.advance(1500);
			run(journal, clock, masker, CHECK_DISK, DecisionChoice.RUN, null, "df -h /var/lib/postgresql",
					"Filesystem Size Used Avail\n/dev/sda1 100G 40G 60G\nchecked at " + stamp + "\n", 0, 1200,
					BlockStatus.SUCCEEDED, List.of(new ExpectationResult("Avail", true)));
			journal.write(new Check(12, "Announce the maintenance window", "1", CheckState.CHECKED, "posted in #ops"));
			journal.write(new Check(13, "Freeze deploys", "1", CheckState.UNVERIFIED, null));
			clock.advance(4000);
			String edited = "systemctl stop app && echo stopped";
			run(journal, clock, masker, STOP_APP, DecisionChoice.EDIT, edited, edited, "stopped\n", 0, 800, BlockStatus.SUCCEEDED,
					List.of());
			clock.advance(2000);
			if (dumpFails) {
				run(journal, clock, masker, DUMP, DecisionChoice.RUN, null,
						"PGPASSWORD=" + SECRET + " pg_dump -h db1 app > /backup/app.sql",
						"pg_dump: error: connection failed: password " + SECRET + " rejected\n<script>alert(1)</script>\n",
						1, 3400, BlockStatus.FAILED, List.of(new ExpectationResult("dump complete", false)));
				journal.write(new Note("dump failed: wrong password in the vault, fixed by hand", DUMP));
			}
			else {
				run(journal, clock, masker, DUMP, DecisionChoice.RUN, null,
						"PGPASSWORD=" + SECRET + " pg_dump -h db1 app > /backup/app.sql", "dump complete at " + stamp + "\n",
						0, 5400, BlockStatus.SUCCEEDED, List.of(new ExpectationResult("dump complete", true)));
			}
			clock.advance(1000);
			journal.write(new Decision(VACUUM, DecisionChoice.SKIP, null));
			journal.write(new BlockFinished(VACUUM, BlockStatus.SKIPPED, null, 0, "", null, List.of()));
			clock.advance(3000);
			StringBuilder lines = new StringBuilder();
			for (int i = 1; i <= 4000; i++) {
				lines.append("record ").append(i).append(" switched, token ").append(i == 3999 ? SECRET : "t" + i)
					.append(" at ").append(stamp).append('\n');
			}
			run(journal, clock, masker, SWITCH, DecisionChoice.RUN, null, "./switch-dns.sh --all", lines.toString(), 0, 61_000,
					BlockStatus.SUCCEEDED, List.of());
			journal.write(new Note("cut-over done, watching error rates", null));
			clock.advance(2000);
			journal.write(new SessionFinished(dumpFails ? SessionStatus.FAILED : SessionStatus.SUCCEEDED,
					dumpFails ? Map.of("succeeded", 3, "failed", 1, "skipped", 1) : Map.of("succeeded", 4, "skipped", 1)));
			return journal.path();
		}
	}

	private static void run(JournalWriter journal, TestClock clock, SecretMasker masker, BlockRef block,
			DecisionChoice choice, String text, String command, String output, Integer exit, long ms, BlockStatus status,
			List<ExpectationResult> expectations) {
		journal.write(new Decision(block, choice, masker.mask(text)));
		clock.advance(300);
		journal.write(new BlockStarted(block, masker.mask(command)));
		OutputCapture capture = journal.capture(block, masker);
		byte[] bytes = output.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		// arrives in small chunks, as from a real command
		for (int i = 0; i < bytes.length; i += 7) {
			capture.write(bytes, i, Math.min(7, bytes.length - i));
		}
		OutputCapture.Result result = capture.result();
		clock.advance(ms);
		journal.write(new BlockFinished(block, status, exit, ms, result.text(), result.outputFile(), expectations));
	}

	static Duration between(Instant a, Instant b) {
		return Duration.between(a, b);
	}

}
