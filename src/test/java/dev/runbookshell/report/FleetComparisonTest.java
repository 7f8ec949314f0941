package dev.runbookshell.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class FleetComparisonTest {

	@TempDir
	Path dir;

	FleetComparison comparison;

	/** A: h1, h2 (1.2 retried), h3. B, a day later: h1, h2 (1.2 at once), h4. */
	@BeforeEach
	void record() throws Exception {
		Path a = Files.createDirectories(this.dir.resolve("a"));
		Map<String, Path> first = new LinkedHashMap<>();
		first.put("h1", RecordedFleet.host(a, "h1", RecordedRuns.START, false));
		first.put("h2", RecordedFleet.host(a, "h2", RecordedRuns.START, true));
		first.put("h3", RecordedFleet.host(a, "h3", RecordedRuns.START, false));
		Path b = Files.createDirectories(this.dir.resolve("b"));
		Instant later = RecordedRuns.START.plusSeconds(86_400);
		Map<String, Path> second = new LinkedHashMap<>();
		second.put("h1", RecordedFleet.host(b, "h1", later, false));
		second.put("h2", RecordedFleet.host(b, "h2", later, false));
		second.put("h4", RecordedFleet.host(b, "h4", later, false));
		this.comparison = FleetComparison.of(FleetReport.of(RecordedFleet.index(a, first, List.of())),
				FleetReport.of(RecordedFleet.index(b, second, List.of())));
	}

	@Test
	void eachHostInBothRunsIsComparedBlockByBlockAndHostsInOneRunAreListed() {
		assertThat(this.comparison.hosts()).extracting(FleetComparison.HostPair::name).containsExactly("h1", "h2");
		assertThat(this.comparison.onlyInA()).containsExactly("h3");
		assertThat(this.comparison.onlyInB()).containsExactly("h4");
		String md = new ComparisonReport().markdown(this.comparison);
		assertThat(md).contains("Hosts only in A: h3").contains("Hosts only in B: h4")
			.contains("| h1 | succeeded | succeeded | same |")
			.contains("| h2 | succeeded | succeeded | 1.2 status and output |")
			.contains("## Host h2")
			.contains("| 1.2 migrate | failed (exit 3) → succeeded | succeeded | 800 ms | 400 ms | **differs** |");
	}

	@Test
	void theJsonHasEachHostsComparisonAsTwoJournalsHaveIt() throws Exception {
		JsonNode json = new ObjectMapper().readTree(new ComparisonReport().json(this.comparison));
		assertThat(json.get("onlyInA").toString()).isEqualTo("[\"h3\"]");
		assertThat(json.get("onlyInB").toString()).isEqualTo("[\"h4\"]");
		assertThat(json.get("a").get("hosts").get("h3").asText()).isEqualTo("succeeded");
		JsonNode h2 = json.get("hosts").get(1);
		assertThat(h2.get("differences").asText()).isEqualTo("1.2 status and output");
		RunComparison own = this.comparison.hosts().get(1).comparison();
		assertThat(h2.get("comparison")).isEqualTo(new ObjectMapper().readTree(new ComparisonReport().json(own)));
		assertThat(h2.get("comparison").get("blocks").get(1).get("outputDiffers").asBoolean()).isTrue();
	}

}
