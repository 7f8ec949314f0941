package dev.runbookshell.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.BlockStarted;
import dev.runbookshell.journal.JournalEvent.Decision;
import dev.runbookshell.journal.JournalEvent.SessionStarted;

class JournalReaderTest {

	@TempDir
	Path dir;

	Path file;

	@BeforeEach
	void writeJournal() {
		try (JournalWriter writer = JournalWriter.create(this.dir, "db", "prod", JournalFixtures.ticking())) {
			JournalFixtures.writeSmallSession(writer);
			this.file = writer.path();
		}
	}

	@Test
	void readsBackEveryEventAsWritten() {
		Journal journal = new JournalReader().read(this.file);
		assertThat(journal.verification()).isEqualTo(ChainStatus.INTACT);
		assertThat(journal.entries()).extracting(JournalEntry::line).containsExactly(1, 2, 3, 4);
		assertThat(journal.fold().started()).isEqualTo(JournalFixtures.sessionStarted());
		BlockFinished finished = journal.fold().block("2.1").lastFinished();
		assertThat(finished.status()).isEqualTo(BlockStatus.TIMED_OUT);
		assertThat(finished.exitCode()).isEqualTo(124);
		assertThat(finished.expectations()).extracting(JournalEvent.ExpectationResult::met).containsExactly(false);
		assertThat(journal.fold().block("2.1").decisions()).extracting(Decision::choice).containsExactly(DecisionChoice.RUN);
		assertThat(journal.fold().inFlight()).isEmpty();
	}

	@Test
	void aSessionStartedWithoutSectionsReadsBackWithNullSections() {
		try (JournalWriter writer = JournalWriter.create(this.dir, "other", "prod", JournalFixtures.ticking())) {
			SessionStarted plain = new SessionStarted(null, null, "bob", "h", null, RunMode.YES, null, null);
			writer.write(plain);
			assertThat(new JournalReader().read(writer.path()).fold().started()).isEqualTo(plain);
		}
	}

	@Test
	void aBlockStartedButNeverFinishedIsInFlight() {
		try (JournalWriter writer = JournalWriter.append(this.file, JournalFixtures.ticking())) {
			writer.write(new BlockStarted(JournalFixtures.BACKUP, "pg_dump again"));
		}
		assertThat(new JournalReader().read(this.file).fold().inFlight()).containsExactly(JournalFixtures.BACKUP);
	}

	@Test
	void oneChangedByteInTheMiddleBreaksTheChainAtTheNextLine() throws Exception {
		byte[] bytes = Files.readAllBytes(this.file);
		int inLine2 = new String(bytes, StandardCharsets.UTF_8).indexOf("backup-db") + 1; // in the decision, still valid JSON
		bytes[inLine2] = 'R';
		Files.write(this.file, bytes);
		Journal journal = new JournalReader().read(this.file);
		assertThat(journal.verification().state()).isEqualTo(ChainStatus.State.BROKEN);
		assertThat(journal.verification().line()).isEqualTo(3);
		assertThat(journal.verification().describe(this.file))
			.isEqualTo(this.file + ":3: journal hash chain broken (prev does not match the sha256 of line 2)");
		assertThat(journal.entries()).hasSize(2);
	}

	@Test
	void aRemovedLineIsASeqGap() throws Exception {
		List<String> lines = Files.readAllLines(this.file);
		lines.remove(1);
		Files.write(this.file, lines);
		ChainStatus status = new JournalReader().read(this.file).verification();
		assertThat(status.line()).isEqualTo(2);
		assertThat(status.reason()).isEqualTo("seq 3 where 2 was expected");
	}

	@Test
	void aLineThatIsNotJsonIsReportedAsBadJson() throws Exception {
		List<String> lines = Files.readAllLines(this.file);
		lines.set(2, "garbage {");
		Files.write(this.file, lines);
		ChainStatus status = new JournalReader().read(this.file).verification();
		assertThat(status.line()).isEqualTo(3);
		assertThat(status.reason()).startsWith("bad JSON");
	}

	@Test
	void aTruncatedLastLineFromAKillIsReportedAsIncompleteNotBroken() throws Exception {
		byte[] bytes = Files.readAllBytes(this.file);
		// a kill in the middle of writing line 4: its first 30 bytes reached the disk, not its newline
		int line4 = new String(bytes, StandardCharsets.UTF_8).lastIndexOf("{\"seq\":4");
		Files.write(this.file, java.util.Arrays.copyOf(bytes, line4 + 30));
		Journal journal = new JournalReader().read(this.file);
		assertThat(journal.verification().state()).isEqualTo(ChainStatus.State.INCOMPLETE_LAST_LINE);
		assertThat(journal.verification().line()).isEqualTo(4);
		assertThat(journal.entries()).hasSize(3);
		assertThat(journal.fold().inFlight()).containsExactly(JournalFixtures.BACKUP);
	}

	@Test
	void anUnknownEventTypeBreaksTheChain() throws Exception {
		String text = Files.readString(this.file).replace("\"type\":\"decision\"", "\"type\":\"desicion\"");
		Files.writeString(this.file, text);
		ChainStatus status = new JournalReader().read(this.file).verification();
		assertThat(status.line()).isEqualTo(2);
		assertThat(status.reason()).isEqualTo("unknown event type 'desicion'");
	}

	@Test
	void anEmptyFileIsAnIntactEmptyJournal() throws Exception {
		Path empty = Files.createFile(this.dir.resolve("empty.jsonl"));
		Journal journal = new JournalReader().read(empty);
		assertThat(journal.verification()).isEqualTo(ChainStatus.INTACT);
		assertThat(journal.entries()).isEmpty();
	}

	@Test
	void aMissingFileIsAJournalExceptionNamingIt() {
		Path missing = this.dir.resolve("nope.jsonl");
		assertThatThrownBy(() -> new JournalReader().read(missing)).isInstanceOf(JournalException.class)
			.hasMessage(missing + ": no such journal");
	}

	@Test
	void everyStatusSurvivesTheRoundTripInItsWireForm() {
		try (JournalWriter writer = JournalWriter.create(this.dir, "statuses", "prod", JournalFixtures.ticking())) {
			for (BlockStatus status : BlockStatus.values()) {
				writer.write(new BlockFinished(JournalFixtures.BACKUP, status, null, 1, "", null, List.of()));
			}
			writer.write(new JournalEvent.SessionFinished(SessionStatus.FAILED, Map.of("failed", 1)));
			Journal journal = new JournalReader().read(writer.path());
			assertThat(journal.events(BlockFinished.class)).extracting(BlockFinished::status)
				.containsExactly(BlockStatus.values());
		}
	}

}
