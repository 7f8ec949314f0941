package dev.runbookshell.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.runbookshell.journal.JournalReader;

class JsonReportTest {

	@TempDir
	Path dir;

	@Test
	void summarisesCountsDurationsAndOneRowPerBlock() throws Exception {
		Path journal = RecordedRuns.record(this.dir, "prod", RecordedRuns.START, true, "t");
		JsonNode json = new ObjectMapper().readTree(new JsonReport().render(Run.of(new JournalReader().read(journal))));
		assertThat(json.get("result").asText()).isEqualTo("failed");
		assertThat(json.get("counts").get("succeeded").asInt()).isEqualTo(3);
		assertThat(json.get("counts").get("failed").asInt()).isEqualTo(1);
		assertThat(json.get("counts").get("skipped").asInt()).isEqualTo(1);
		assertThat(json.get("counts").get("timed-out").asInt()).isZero();
		assertThat(json.get("blockDurationMs").asLong()).isEqualTo(1200 + 800 + 3400 + 61_000);
		assertThat(json.get("elapsedMs").asLong()).isEqualTo(81_600);
		JsonNode dump = json.get("blocks").get(2);
		assertThat(dump.get("id").asText()).isEqualTo("2.1");
		assertThat(dump.get("name").asText()).isEqualTo("dump-db");
		assertThat(dump.get("status").asText()).isEqualTo("failed");
		assertThat(dump.get("exitCode").asInt()).isEqualTo(1);
		assertThat(dump.get("durationMs").asLong()).isEqualTo(3400);
		assertThat(dump.get("decision").asText()).isEqualTo("run");
		JsonNode vacuum = json.get("blocks").get(3);
		assertThat(vacuum.get("status").asText()).isEqualTo("skipped");
		assertThat(vacuum.get("exitCode").isNull()).isTrue();
		assertThat(vacuum.get("decision").asText()).isEqualTo("skip");
	}

}
