package dev.runbookshell.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.RunMode;
import dev.runbookshell.journal.SessionStatus;

class LiveMarkdownLogTest {

	@TempDir
	Path dir;

	@Test
	void theMarkdownLogBesideTheJournalShowsEachBlockAsItFinishes() throws Exception {
		RecordedRuns.TestClock clock = new RecordedRuns.TestClock(RecordedRuns.START);
		try (JournalWriter writer = JournalWriter.create(this.dir, "db", "prod", clock)) {
			writer.onProgress(new LiveMarkdownLog(writer.path(), writer.markdownPath()));
			writer.write(new JournalEvent.SessionStarted(null, new JournalEvent.TargetRef("prod", "local:", "h"), "alice",
					"h", null, RunMode.YES, null, null));
			Path md = this.dir.resolve("db-prod-20250301T020000Z.md");
			assertThat(Files.readString(md)).contains("| Ended | not finished");
			writer.write(new JournalEvent.BlockStarted(RecordedRuns.DUMP, "pg_dump"));
			assertThat(Files.readString(md)).doesNotContain("2.1 dump-db");
			writer.write(new JournalEvent.BlockFinished(RecordedRuns.DUMP, BlockStatus.FAILED, 2, 10, "no", null,
					List.of()));
			// a render right after another may wait a moment (renders are spaced), but it comes without more events
			awaitContaining(md, "### 2.1 dump-db: failed");
			assertThat(writer.listenerFailure()).isEmpty();
		}
	}

	@Test
	void aBurstOfBlocksEndsInALogThatHasThemAllOnceTheSessionFinishes() throws Exception {
		RecordedRuns.TestClock clock = new RecordedRuns.TestClock(RecordedRuns.START);
		try (JournalWriter writer = JournalWriter.create(this.dir, "burst", "prod", clock)) {
			writer.onProgress(new LiveMarkdownLog(writer.path(), writer.markdownPath()));
			writer.write(new JournalEvent.SessionStarted(null, new JournalEvent.TargetRef("prod", "local:", "h"), "alice",
					"h", null, RunMode.YES, null, null));
			for (int i = 1; i <= 200; i++) {
				writer.write(finished(i));
			}
			writer.write(new JournalEvent.SessionFinished(SessionStatus.SUCCEEDED, java.util.Map.of("succeeded", 200)));

			String log = Files.readString(writer.markdownPath());
			assertThat(log).contains("### 1.200 step-200: succeeded").doesNotContain("not finished");
		}
	}

	@Test
	void aBurstOfBlocksIsRenderedOnceAGapNotOncePerBlock() throws Exception {
		RecordedRuns.TestClock clock = new RecordedRuns.TestClock(RecordedRuns.START);
		try (JournalWriter writer = JournalWriter.create(this.dir, "gap", "prod", clock)) {
			LiveMarkdownLog log = new LiveMarkdownLog(writer.path(), writer.markdownPath());
			writer.onProgress(log);
			writer.write(new JournalEvent.SessionStarted(null, new JournalEvent.TargetRef("prod", "local:", "h"), "alice",
					"h", null, RunMode.YES, null, null));
			long start = System.nanoTime();
			for (int i = 1; i <= 300; i++) {
				// a block of a fast unattended run takes about a millisecond
				java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
				writer.write(finished(i));
			}
			long gaps = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
					/ LiveMarkdownLog.GAP_MS;
			writer.write(new JournalEvent.SessionFinished(SessionStatus.SUCCEEDED, java.util.Map.of("succeeded", 300)));

			// the start, one per gap the burst lasted (and one it began), the end: a render per block grows quadratic
			assertThat(log.renders()).isLessThanOrEqualTo(2 + (int) gaps + 1);
			assertThat(Files.readString(writer.markdownPath())).contains("### 1.300 step-300: succeeded")
				.doesNotContain("not finished");
		}
	}

	@Test
	void closingTheJournalWritesWhatTheLogStillLacked() throws Exception {
		RecordedRuns.TestClock clock = new RecordedRuns.TestClock(RecordedRuns.START);
		Path md;
		try (JournalWriter writer = JournalWriter.create(this.dir, "crash", "prod", clock)) {
			md = writer.markdownPath();
			writer.onProgress(new LiveMarkdownLog(writer.path(), md));
			writer.write(new JournalEvent.SessionStarted(null, new JournalEvent.TargetRef("prod", "local:", "h"), "alice",
					"h", null, RunMode.YES, null, null));
			for (int i = 1; i <= 50; i++) {
				writer.write(finished(i));
			}
		}
		assertThat(Files.readString(md)).contains("### 1.50 step-50: succeeded");
	}

	@Test
	void theLogsOfAFleetShareOneRenderingThreadAndTheTimeItMaySpend() throws Exception {
		RecordedRuns.TestClock clock = new RecordedRuns.TestClock(RecordedRuns.START);
		List<JournalWriter> writers = new java.util.ArrayList<>();
		try {
			for (int host = 1; host <= 20; host++) {
				JournalWriter writer = JournalWriter.create(this.dir, "fleet", "h" + host, clock);
				writers.add(writer);
				writer.onProgress(new LiveMarkdownLog(writer.path(), writer.markdownPath()));
				writer.write(new JournalEvent.SessionStarted(null, new JournalEvent.TargetRef("h" + host, "local:", "h"),
						"alice", "h", null, RunMode.YES, null, null));
				for (int i = 1; i <= 5; i++) {
					writer.write(finished(i));
				}
			}
			// twenty logs rendering at once, each a tenth of the time, would take two cores of this machine
			assertThat(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
				.filter(thread -> thread.getName().equals("markdown-log")).count()).isLessThanOrEqualTo(1);
			for (JournalWriter writer : writers) {
				awaitContaining(writer.markdownPath(), "### 1.5 step-5: succeeded");
			}
		}
		finally {
			for (JournalWriter writer : writers) {
				writer.close();
			}
		}
	}

	private static JournalEvent.BlockFinished finished(int i) {
		return new JournalEvent.BlockFinished(new JournalEvent.BlockRef("1." + i, "step-" + i, "sha256:" + i),
				BlockStatus.SUCCEEDED, 0, 1, "ok\n", null, List.of());
	}

	private static void awaitContaining(Path file, String text) throws Exception {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
		while (!Files.readString(file).contains(text) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(Files.readString(file)).contains(text);
	}

}
