package dev.runbookshell.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.runbookshell.journal.JournalReader;

class FleetReportTest {

	@TempDir
	Path dir;

	Path h2;

	FleetReport report;

	@BeforeEach
	void record() throws Exception {
		Map<String, Path> hosts = new LinkedHashMap<>();
		hosts.put("h1", RecordedFleet.host(this.dir, "h1", RecordedRuns.START, false));
		this.h2 = RecordedFleet.host(this.dir, "h2", RecordedRuns.START, true);
		hosts.put("h2", this.h2);
		this.report = FleetReport.of(RecordedFleet.index(this.dir, hosts,
				List.of(RecordedFleet.decision("1.1", "run", "h1", "h2"), RecordedFleet.decision("1.2", "retry", "h2"))));
	}

	@Test
	void theJsonHoldsTheFleetAndEachHostsRunAsTheSingleHostJsonReportHasIt() throws Exception {
		ObjectMapper mapper = new ObjectMapper();
		JsonNode json = mapper.readTree(this.report.json());
		assertThat(json.get("runbook").get("path").asText()).isEqualTo("deploy.md");
		assertThat(json.get("batches").toString()).isEqualTo("[[\"h1\",\"h2\"]]");
		assertThat(json.get("decisions").get(1).get("choice").asText()).isEqualTo("retry");
		assertThat(json.get("decisions").get(1).get("hosts").toString()).isEqualTo("[\"h2\"]");
		JsonNode h2 = json.get("hosts").get(1);
		assertThat(h2.get("name").asText()).isEqualTo("h2");
		assertThat(h2.get("state").asText()).isEqualTo("succeeded");
		assertThat(h2.get("run"))
			.isEqualTo(mapper.readTree(new JsonReport().render(Run.of(new JournalReader().read(this.h2)))));
		JsonNode migrate = h2.get("run").get("blocks").get(1);
		assertThat(migrate.get("status").asText()).isEqualTo("succeeded");
		assertThat(migrate.get("attempts").asInt()).isEqualTo(2);
		JsonNode first = migrate.get("attemptResults").get(0);
		assertThat(first.get("status").asText()).isEqualTo("failed");
		assertThat(first.get("exitCode").asInt()).isEqualTo(3);
		assertThat(first.get("failedCommands").get(0).get("line").asInt()).isEqualTo(7);
		assertThat(first.get("failedCommands").get(0).get("command").asText()).isEqualTo("./migrate --lock");
		assertThat(migrate.get("attemptResults").get(1).get("status").asText()).isEqualTo("succeeded");
	}

	@Test
	void aHostWithoutAJournalIsNamedWithItsProblemNotAResult() throws Exception {
		Map<String, Path> hosts = new LinkedHashMap<>();
		hosts.put("h1", RecordedFleet.host(this.dir, "h1", RecordedRuns.START, false));
		hosts.put("h9", null);
		JsonNode json = new ObjectMapper()
			.readTree(FleetReport.of(RecordedFleet.index(this.dir, hosts, List.of())).json());
		assertThat(json.get("hosts").get(1).get("problem").asText()).isEqualTo("never started");
		assertThat(json.get("hosts").get(1).get("run").isNull()).isTrue();
	}

	@Test
	void theMarkdownMatrixShowsEveryAttemptOfABlockRetriedOnAHost() {
		assertThat(this.report.markdown()).contains("| Block | h1 | h2 |")
			.contains("| 1.2 migrate | succeeded | failed (exit 3) → succeeded |")
			.contains("| 1.3 watch | stopped (exit 130) | stopped (exit 130) |");
	}

	@Test
	void theHtmlMatrixShowsEveryAttemptAndTheHostsDetailEachAttemptsOutput() {
		String html = this.report.html();
		assertThat(html).contains("<td class=\"succeeded\"><a href=\"#host-h2-1_2\">failed (exit 3) → succeeded</a></td>")
			.contains("<p>Attempt 1 of 2: failed (exit 3), took 400 ms</p><pre>./migrate</pre>"
					+ "<pre>lock held by another migration\n</pre>")
			.contains("<p>Attempt 2 of 2: succeeded, took 400 ms</p><pre>./migrate</pre>"
					+ "<pre>migrated on the second try\n</pre>");
	}

}
