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

class LiveMarkdownLogTest {

	@TempDir
	Path dir;

	@Test
	void theMarkdownLogBesideTheJournalShowsEachBlockAsItFinishes() throws Exception {
		RecordedRuns.TestClock clock = new RecordedRuns.TestClock(RecordedRuns.START);
		try (JournalWriter writer = JournalWriter.create(this.dir, "db", "prod", clock)) {
			writer.onProgress(new LiveMarkdownLog(writer.path(), writer.markdownPath()));
			writer.write(new JournalEvent.SessionStarted(null, new JournalEvent.TargetRef("prod", "local:", "h"), "alice",
					"h", null, "yes"));
			Path md = this.dir.resolve("db-prod-20250301T020000Z.md");
			assertThat(Files.readString(md)).contains("| Ended | not finished");
			writer.write(new JournalEvent.BlockStarted(RecordedRuns.DUMP, "pg_dump"));
			assertThat(Files.readString(md)).doesNotContain("2.1 dump-db");
			writer.write(new JournalEvent.BlockFinished(RecordedRuns.DUMP, BlockStatus.FAILED, 2, 10, "no", null,
					List.of()));
			assertThat(Files.readString(md)).contains("### 2.1 dump-db: failed");
			assertThat(writer.listenerFailure()).isEmpty();
		}
	}

}
