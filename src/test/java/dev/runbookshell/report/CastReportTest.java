package dev.runbookshell.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.runbookshell.journal.JournalReader;

class CastReportTest {

	@TempDir
	Path dir;

	List<JsonNode> lines = new ArrayList<>();

	@BeforeEach
	void render() throws Exception {
		Path journal = RecordedRuns.record(this.dir, "prod", RecordedRuns.START, true, "t");
		String cast = new CastReport().render(Run.of(new JournalReader().read(journal)));
		ObjectMapper json = new ObjectMapper();
		for (String line : cast.split("\n")) {
			this.lines.add(json.readTree(line));
		}
	}

	@Test
	void theHeaderIsAsciicastVersion2WithTheSessionStart() {
		JsonNode header = this.lines.get(0);
		assertThat(header.get("version").asInt()).isEqualTo(2);
		assertThat(header.get("width").asInt()).isEqualTo(120);
		assertThat(header.get("height").asInt()).isEqualTo(40);
		assertThat(header.get("timestamp").asLong()).isEqualTo(RecordedRuns.START.getEpochSecond());
		assertThat(header.get("title").asText()).isEqualTo("Database <move> on prod");
	}

	@Test
	void everyEventIsTimeKindDataWithTimesNeverGoingBack() {
		double previous = 0;
		for (JsonNode event : this.lines.subList(1, this.lines.size())) {
			assertThat(event.isArray()).isTrue();
			assertThat(event.size()).isEqualTo(3);
			assertThat(event.get(1).asText()).isIn("o", "m");
			assertThat(event.get(0).asDouble()).isGreaterThanOrEqualTo(previous);
			previous = event.get(0).asDouble();
		}
	}

	@Test
	void eachBlockStartsWithAMarkerAndThePromptedCommandAndItsOutputComesAfterItsDuration() {
		int marker = indexOf("m", "2.1 dump-db");
		assertThat(marker).isPositive();
		JsonNode prompt = this.lines.get(marker + 1);
		assertThat(prompt.get(2).asText()).contains("PGPASSWORD=**** pg_dump -h db1 app > /backup/app.sql\r\n");
		assertThat(prompt.get(0).asDouble()).isEqualTo(10.9);
		int output = indexOf("o", "pg_dump: error");
		assertThat(this.lines.get(output).get(0).asDouble()).isEqualTo(14.3);
		assertThat(this.lines.get(output).get(2).asText())
			.contains("connection failed: password **** rejected\r\n<script>");
	}

	@Test
	void outputLineEndsAreCarriageReturnLineFeed() {
		for (JsonNode event : this.lines.subList(1, this.lines.size())) {
			if (event.get(1).asText().equals("o")) {
				assertThat(event.get(2).asText().replace("\r\n", "")).doesNotContain("\n");
			}
		}
	}

	@Test
	void aSkippedBlockThatNeverRanHasNoMarker() {
		assertThat(indexOf("m", "2.2 vacuum")).isNegative();
		assertThat(this.lines.stream().filter(e -> e.isArray() && e.get(1).asText().equals("m")).count()).isEqualTo(4);
	}

	private int indexOf(String kind, String text) {
		for (int i = 1; i < this.lines.size(); i++) {
			JsonNode event = this.lines.get(i);
			if (event.get(1).asText().equals(kind) && event.get(2).asText().contains(text)) {
				return i;
			}
		}
		return -1;
	}

}
