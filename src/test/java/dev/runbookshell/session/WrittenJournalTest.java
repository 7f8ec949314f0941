package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalWriter;

class WrittenJournalTest {

	@TempDir
	Path dir;

	@Test
	void theFileIsCreatedByTheFirstEventSoAJournalClosedBeforeOneLeavesNothing() throws Exception {
		WrittenJournal refused = new WrittenJournal(() -> JournalWriter.create(this.dir, "plan", "local",
				Clock.systemUTC()));
		refused.close();
		try (var files = Files.list(this.dir)) {
			assertThat(files).isEmpty();
		}

		List<Path> opened = new ArrayList<>();
		WrittenJournal used = new WrittenJournal(() -> JournalWriter.create(this.dir, "plan", "local",
				Clock.systemUTC()));
		used.whenOpened(writer -> opened.add(writer.path()));
		assertThat(opened).isEmpty();
		used.append(new JournalEvent.Note("first", null));
		used.close();

		assertThat(opened).singleElement().satisfies(path -> assertThat(path).exists());
		assertThat(Files.readString(opened.get(0))).contains("\"first\"");
	}

}
