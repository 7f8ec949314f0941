package dev.runbookshell.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.runbookshell.journal.JournalEvent.Note;
import dev.runbookshell.journal.JournalEvent.SessionFinished;

class JournalWriterTest {

	@TempDir
	Path dir;

	@Test
	void createsTheFolderAndNamesTheFileAfterRunbookTargetAndStartTime() {
		Path logs = this.dir.resolve("migration-logs");
		try (JournalWriter writer = JournalWriter.create(logs, "Database Move", "prod/db1", JournalFixtures.ticking())) {
			assertThat(writer.path()).isEqualTo(logs.resolve("database-move-prod-db1-20250301T020000Z.jsonl"));
			assertThat(writer.markdownPath()).hasFileName("database-move-prod-db1-20250301T020000Z.md");
		}
		assertThat(logs.resolve("database-move-prod-db1-20250301T020000Z.jsonl")).exists();
	}

	@Test
	void aSecondJournalInTheSameSecondGetsItsOwnFile() {
		try (JournalWriter first = JournalWriter.create(this.dir, "db", "prod", JournalFixtures.ticking());
				JournalWriter second = JournalWriter.create(this.dir, "db", "prod", JournalFixtures.ticking())) {
			assertThat(second.path()).isNotEqualTo(first.path());
			assertThat(second.path().getFileName().toString()).endsWith("Z-2.jsonl");
		}
	}

	@Test
	void eachLineCarriesSeqTimeTypeAndPrevThenTheEventFields() throws Exception {
		Path file = smallJournal();
		List<String> lines = Files.readAllLines(file);
		assertThat(lines.get(0)).startsWith(
				"{\"seq\":1,\"at\":\"2025-03-01T02:00:01.001Z\",\"type\":\"session-started\",\"prev\":\"\",\"runbook\":{\"path\":\"plans/db.md\"");
		assertThat(lines.get(3)).contains("\"type\":\"block-finished\"", "\"status\":\"timed-out\"",
				"\"block\":{\"id\":\"2.1\",\"name\":\"backup-db\",\"hash\":\"sha256:aa11\"}",
				"\"expectations\":[{\"text\":\"done\",\"met\":false}]");
		assertThat(lines.get(1)).as("null fields are left out").doesNotContain("\"text\"");
	}

	@Test
	void theHashChainRecomputedFromTheRawBytesMatchesEveryPrev() throws Exception {
		Path file;
		try (JournalWriter writer = JournalWriter.create(this.dir, "db", "prod", JournalFixtures.ticking())) {
			JournalFixtures.writeSmallSession(writer);
			writer.write(new Note("ünïcødé ✓ and \"quotes\"\ttab", null));
			file = writer.path();
		}
		byte[] all = Files.readAllBytes(file);
		assertThat(all[all.length - 1]).isEqualTo((byte) '\n');
		List<byte[]> rawLines = splitOnNewline(all);
		ObjectMapper json = new ObjectMapper();
		String expectedPrev = "";
		for (int i = 0; i < rawLines.size(); i++) {
			JsonNode node = json.readTree(rawLines.get(i));
			assertThat(node.get("seq").asLong()).isEqualTo(i + 1);
			assertThat(node.get("prev").asText()).as("prev of line %d", i + 1).isEqualTo(expectedPrev);
			assertThat(node.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
			expectedPrev = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawLines.get(i)));
		}
		assertThat(rawLines).hasSize(5);
	}

	@Test
	void eachEventIsOnDiskWhenWriteReturnsBeforeTheWriterIsClosed() throws Exception {
		try (JournalWriter writer = JournalWriter.create(this.dir, "db", "prod", JournalFixtures.ticking())) {
			writer.write(JournalFixtures.sessionStarted());
			assertThat(new JournalReader().read(writer.path()).entries()).hasSize(1);
			writer.write(new Note("second", null));
			assertThat(Files.readString(writer.path(), StandardCharsets.UTF_8).lines()).hasSize(2);
		}
	}

	@Test
	void oneSyncPerBlockBoundaryAndLineListenersSeeALineOnlyOnceItIsSynced() throws Exception {
		List<Long> synced = java.util.Collections.synchronizedList(new ArrayList<>());
		try (JournalWriter writer = JournalWriter.create(this.dir, "db", "prod", JournalFixtures.ticking())) {
			writer.addLineListener((entry, line) -> synced.add(entry.seq()));
			// started, decision, block-started (forced with the two before it), block-finished (waits)
			JournalFixtures.writeSmallSession(writer);
			assertThat(writer.syncs()).isEqualTo(1);
			assertThat(synced).containsExactly(1L, 2L, 3L);
			writer.write(new Note("before the next block", null));
			writer.write(new JournalEvent.BlockStarted(JournalFixtures.BACKUP, "pg_dump app > app.sql"));
			assertThat(writer.syncs()).as("the previous block's end goes to disk with the next one's start").isEqualTo(2);
			assertThat(synced).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
			writer.write(new Note("the session waits at a prompt now", null));
			long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
			while (!synced.contains(7L) && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertThat(synced).as("a line nothing forces is synced by the timer").endsWith(7L);
			assertThat(writer.syncs()).isEqualTo(3);
		}
	}

	@Test
	void sessionFinishedIsSyncedAtOnce() {
		List<Long> synced = new ArrayList<>();
		try (JournalWriter writer = JournalWriter.create(this.dir, "db", "prod", JournalFixtures.ticking())) {
			writer.addLineListener((entry, line) -> synced.add(entry.seq()));
			writer.write(JournalFixtures.sessionStarted());
			writer.write(new SessionFinished(SessionStatus.SUCCEEDED, java.util.Map.of()));
			assertThat(synced).containsExactly(1L, 2L);
		}
	}

	@Test
	void appendAfterReopenContinuesSeqAndChain() {
		Path file = smallJournal();
		try (JournalWriter writer = JournalWriter.append(file, JournalFixtures.ticking())) {
			JournalEntry entry = writer.write(new Note("after resume", null));
			assertThat(entry.seq()).isEqualTo(5);
			assertThat(writer.entries()).hasSize(5);
		}
		Journal journal = new JournalReader().read(file);
		assertThat(journal.verification()).isEqualTo(ChainStatus.INTACT);
		assertThat(journal.entries()).extracting(JournalEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
	}

	@Test
	void appendRefusesABrokenJournalNamingFileAndLine() throws Exception {
		Path file = smallJournal();
		String text = Files.readString(file).replace("pg_dump", "pg_dumq");
		Files.writeString(file, text);
		assertThatThrownBy(() -> JournalWriter.append(file, JournalFixtures.ticking()))
			.isInstanceOf(JournalException.class)
			.hasMessageStartingWith(file + ":4: journal hash chain broken (prev does not match the sha256 of line 3)");
	}

	@Test
	void appendCutsAnIncompleteLastLineAndNotesIt() throws Exception {
		Path file = smallJournal();
		Files.writeString(file, "{\"seq\":5,\"at\":\"2025-03-0", java.nio.file.StandardOpenOption.APPEND);
		try (JournalWriter writer = JournalWriter.append(file, JournalFixtures.ticking())) {
			writer.write(new SessionFinished(SessionStatus.FAILED, java.util.Map.of("timed-out", 1)));
		}
		Journal journal = new JournalReader().read(file);
		assertThat(journal.verification()).isEqualTo(ChainStatus.INTACT);
		assertThat(journal.events(Note.class)).singleElement()
			.extracting(Note::text)
			.asString()
			.contains("dropped an incomplete last line (line 5, 24 bytes)");
		assertThat(journal.fold().status()).isNotNull();
	}

	@Test
	void theProgressListenerSeesAllEntriesAfterEachFinishedBlock() {
		List<Integer> sizes = new ArrayList<>();
		try (JournalWriter writer = JournalWriter.create(this.dir, "db", "prod", JournalFixtures.ticking())) {
			writer.onProgress(entries -> sizes.add(entries.size()));
			JournalFixtures.writeSmallSession(writer);
			writer.write(new SessionFinished(SessionStatus.FAILED, java.util.Map.of()));
		}
		assertThat(sizes).containsExactly(1, 4, 5);
	}

	@Test
	void whatTheProgressListenerWasHandedStaysAsItWasWhileTheJournalGrows() {
		List<List<JournalEntry>> handed = new ArrayList<>();
		try (JournalWriter writer = JournalWriter.create(this.dir, "db", "prod", JournalFixtures.ticking())) {
			writer.onProgress(handed::add);
			writer.write(JournalFixtures.sessionStarted());
			List<JournalEntry> asked = writer.entries();
			for (int i = 0; i < 100; i++) {
				writer.write(new JournalEvent.BlockFinished(JournalFixtures.BACKUP, BlockStatus.SUCCEEDED, 0, i, "",
						null, List.of()));
			}
			assertThat(handed.get(0)).singleElement().extracting(entry -> entry.event().type())
				.isEqualTo("session-started");
			assertThat(asked).hasSize(1);
			assertThat(handed.get(100)).hasSize(101).extracting(JournalEntry::seq)
				.isEqualTo(java.util.stream.LongStream.rangeClosed(1, 101).boxed().toList());
			assertThatThrownBy(() -> handed.get(100).add(handed.get(0).get(0)))
				.isInstanceOf(UnsupportedOperationException.class);
		}
	}

	@Test
	void aFailingListenerDoesNotLoseTheEvent() {
		try (JournalWriter writer = JournalWriter.create(this.dir, "db", "prod", JournalFixtures.ticking())) {
			writer.onProgress(entries -> {
				throw new IllegalStateException("disk full for markdown");
			});
			writer.write(JournalFixtures.sessionStarted());
			assertThat(new JournalReader().read(writer.path()).entries()).hasSize(1);
			assertThat(writer.listenerFailure()).get().extracting(Throwable::getMessage).isEqualTo("disk full for markdown");
		}
	}

	@Test
	void concurrentWritersKeepOneUnbrokenChain() throws Exception {
		Path file;
		try (JournalWriter writer = JournalWriter.create(this.dir, "db", "prod", JournalFixtures.ticking())) {
			List<Thread> threads = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int id = t;
				Thread thread = new Thread(() -> {
					for (int i = 0; i < 25; i++) {
						writer.write(new Note("thread " + id + " note " + i, null));
					}
				});
				thread.start();
				threads.add(thread);
			}
			for (Thread thread : threads) {
				thread.join(10_000);
			}
			file = writer.path();
		}
		Journal journal = new JournalReader().read(file);
		assertThat(journal.verification()).isEqualTo(ChainStatus.INTACT);
		assertThat(journal.entries()).hasSize(100);
	}

	@Test
	void aLineListenerGetsTheLinesAlreadyThereThenEachNewOneAndListenersCloseLastAddedFirst() throws Exception {
		Path file = smallJournal();
		List<String> seen = new ArrayList<>();
		try (JournalWriter writer = JournalWriter.append(file, JournalFixtures.ticking())) {
			writer.addLineListener(new JournalLineListener() {
				@Override
				public void lineWritten(JournalEntry entry, byte[] line) {
					seen.add(entry.seq() + ":" + new String(line, StandardCharsets.UTF_8).substring(0, 8));
				}

				@Override
				public void close() {
					seen.add("first closed");
				}
			});
			writer.addLineListener(new JournalLineListener() {
				@Override
				public void lineWritten(JournalEntry entry, byte[] line) {
				}

				@Override
				public void close() {
					seen.add("second closed");
				}
			});
			writer.write(new Note("after", null));
		}
		assertThat(seen).containsExactly("1:{\"seq\":1", "2:{\"seq\":2", "3:{\"seq\":3", "4:{\"seq\":4",
				"5:{\"seq\":5", "second closed", "first closed");
		assertThat(Files.readAllLines(file)).hasSize(5);
	}

	private Path smallJournal() {
		try (JournalWriter writer = JournalWriter.create(this.dir, "db", "prod", JournalFixtures.ticking())) {
			JournalFixtures.writeSmallSession(writer);
			return writer.path();
		}
	}

	static List<byte[]> splitOnNewline(byte[] all) {
		List<byte[]> lines = new ArrayList<>();
		int from = 0;
		for (int i = 0; i < all.length; i++) {
			if (all[i] == '\n') {
				lines.add(java.util.Arrays.copyOfRange(all, from, i));
				from = i + 1;
			}
		}
		return lines;
	}

}
