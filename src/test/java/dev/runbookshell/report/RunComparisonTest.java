package dev.runbookshell.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.runbookshell.journal.JournalReader;

class RunComparisonTest {

	@TempDir
	Path dir;

	RunComparison compare(boolean productionFails) {
		Path rehearsal = RecordedRuns.record(this.dir.resolve("a"), "staging", RecordedRuns.START, false,
				"2025-02-20T14:03:11Z");
		Path production = RecordedRuns.record(this.dir.resolve("b"), "prod", Instant.parse("2025-03-01T02:00:00Z"),
				productionFails, "2025-03-01 02:00:09.123");
		JournalReader reader = new JournalReader();
		return RunComparison.of(Run.of(reader.read(rehearsal)), Run.of(reader.read(production)));
	}

	@Test
	void outputsThatDifferOnlyInTimestampsCountAsTheSame() {
		RunComparison comparison = compare(false);
		assertThat(comparison.rows()).extracting(RunComparison.Row::outputDiffers)
			.containsExactly(false, false, false, false, false);
	}

	@Test
	void aBlockThatFailedInProductionShowsBothStatusesAndDifferentOutput() {
		RunComparison comparison = compare(true);
		RunComparison.Row dump = comparison.rows().get(2);
		assertThat(dump.id()).isEqualTo("2.1");
		assertThat(dump.a().status().wire()).isEqualTo("succeeded");
		assertThat(dump.b().status().wire()).isEqualTo("failed");
		assertThat(dump.outputDiffers()).isTrue();
		assertThat(new ComparisonReport().markdown(comparison))
			.contains("| 2.1 dump-db | succeeded | failed | 5.4 s | 3.4 s | **differs** |");
	}

	@Test
	void theCutoverSectionGivesTheDowntimeEstimate() {
		RunComparison comparison = compare(true);
		assertThat(comparison.rows().get(4).cutover()).isTrue();
		assertThat(comparison.downtimeB().blockIds()).containsExactly("3.1.1");
		assertThat(comparison.downtimeB().wallClock().toMillis()).isEqualTo(61_000);
		String md = new ComparisonReport().markdown(comparison);
		assertThat(md).contains("| Downtime estimate | 1 min 01 s (1 min 01 s in blocks 3.1.1) | 1 min 01 s")
			.contains("| Total time | 1 min 23 s | 1 min 21 s |");
	}

	@Test
	void blocksAnnotatedCutoverGiveTheDowntimeEstimateInsteadOfHeadingNames() {
		Path a = RecordedRuns.record(this.dir.resolve("a"), "staging", RecordedRuns.START, false, "x",
				List.of("1.2", "2.1"));
		Path b = RecordedRuns.record(this.dir.resolve("b"), "prod", RecordedRuns.START, false, "x",
				List.of("1.2", "2.1"));
		JournalReader reader = new JournalReader();

		RunComparison comparison = RunComparison.of(Run.of(reader.read(a)), Run.of(reader.read(b)));

		assertThat(comparison.downtimeB().blockIds()).containsExactly("1.2", "2.1");
		assertThat(comparison.rows()).filteredOn(RunComparison.Row::cutover)
			.extracting(RunComparison.Row::id)
			.containsExactly("1.2", "2.1");
	}

	@Test
	void theJsonFormCarriesTheSameRows() throws Exception {
		JsonNode json = new ObjectMapper().readTree(new ComparisonReport().json(compare(true)));
		assertThat(json.get("blocks").get(2).get("statusB").asText()).isEqualTo("failed");
		assertThat(json.get("b").get("downtime").get("wallClockMs").asLong()).isEqualTo(61_000);
	}

	@Test
	void normalisingRemovesDatesClockTimesAndEpochs() {
		assertThat(ComparableOutput.normalise("at 2025-03-01T02:00:09.123Z took 12:01:02 since 1740794400123 rows=42  "))
			.isEqualTo("at <date> took <time> since <epoch> rows=42");
	}

}
