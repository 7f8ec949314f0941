package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * {@code report FLEET_INDEX}: the blocks × hosts matrix in Markdown and HTML (every attempt of a retried block),
 * JUnit with a suite per host, JSON with each host's run, and {@code --compare} of two hosts or two fleet runs.
 */
class FleetReportIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	@Test
	void theMatrixShowsEachBlockOnEachHostAndJunitHasOneSuitePerHost() throws Exception {
		FleetPlans fleet = new FleetPlans(this.dir);
		fleet.plan(3, FleetPlans.block("first", "true"),
				FleetPlans.block("breaks-h2", "test \"$(basename \"$PWD\")\" != h2"), FleetPlans.block("third", "true"));
		RunbookCli.Result run = fleet.run("--target", "web", "--yes", "--max-fail", "50%");
		assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
		Path index;
		try (var files = Files.list(this.dir.resolve("logs"))) {
			index = files.filter(f -> f.getFileName().toString().contains("-fleet-")).findFirst().orElseThrow();
		}

		RunbookCli.Result md = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", index.toString());
		assertThat(md.exitCode()).as(md.all()).isZero();
		assertThat(md.stdout()).contains("| Block | h1 | h2 | h3 |")
			.contains("| 1.2 breaks-h2 | succeeded | failed (exit 1) | succeeded |")
			.contains("| 1.3 third | succeeded | - | succeeded |")
			.contains("| **host** | **succeeded** | **failed** | **succeeded** |")
			.contains("block 1.2: stop on h2");

		RunbookCli.Result junit = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", index.toString(), "--format",
				"junit", "--out", "fleet.xml");
		assertThat(junit.exitCode()).as(junit.all()).isZero();
		Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(this.dir.resolve("fleet.xml").toFile());
		NodeList suites = xml.getElementsByTagName("testsuite");
		assertThat(suites.getLength()).isEqualTo(3);
		assertThat(suites.item(1).getAttributes().getNamedItem("hostname").getNodeValue()).isEqualTo("h2");
		assertThat(suites.item(1).getAttributes().getNamedItem("failures").getNodeValue()).isEqualTo("1");

		RunbookCli.Result html = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", index.toString(), "--format",
				"html");
		assertThat(html.exitCode()).as(html.all()).isZero();
		assertThat(html.stdout()).contains("<td class=\"failed\"><a href=\"#host-h2-1_2\">failed (exit 1)</a></td>")
			.contains("<details id=\"host-h2-1_2\">");

		RunbookCli.Result cast = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", index.toString(), "--format",
				"cast");
		assertThat(cast.exitCode()).isEqualTo(2);
		assertThat(cast.stderr()).contains("a fleet index is reported as md, html, junit or json");
	}

	@Test
	void jsonHasEachHostsRunAsItsJournalsReportAndTwoFleetRunsCompareHostByHost() throws Exception {
		FleetPlans fleet = new FleetPlans(this.dir);
		fleet.plan(3, FleetPlans.block("first", "true"), FleetPlans.block("names", "basename \"$PWD\""),
				FleetPlans.block("watch", "tail -f /dev/null").replace("{name=watch}", "{name=watch timeout=1s}"));
		RunbookCli.Result first = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "run", "plan.md", "--log-dir", "logs",
				"--target", "web", "--yes");
		assertThat(first.exitCode()).as(first.all()).isZero();
		RunbookCli.Result second = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "run", "plan.md", "--log-dir",
				"logs2", "--target", "h1,h2", "--yes");
		assertThat(second.exitCode()).as(second.all()).isZero();
		Path index = index(this.dir.resolve("logs"));
		Path index2 = index(this.dir.resolve("logs2"));

		RunbookCli.Result json = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", index.toString(), "--format",
				"json");
		assertThat(json.exitCode()).as(json.all()).isZero();
		JsonNode fleetJson = FleetPlans.JSON.readTree(json.stdout());
		assertThat(fleetJson.get("batches").toString()).isEqualTo("[[\"h1\",\"h2\",\"h3\"]]");
		assertThat(fleetJson.get("decisions")).hasSize(3);
		JsonNode h2 = fleetJson.get("hosts").get(1);
		assertThat(h2.get("name").asText()).isEqualTo("h2");
		Path h2Journal = this.dir.resolve("logs").resolve(h2.get("journal").asText());
		RunbookCli.Result own = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", h2Journal.toString(),
				"--format", "json");
		assertThat(h2.get("run")).isEqualTo(FleetPlans.JSON.readTree(own.stdout()));
		assertThat(h2.get("run").get("blocks").get(2).get("status").asText()).isEqualTo("stopped");

		RunbookCli.Result junit = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", index.toString(), "--format",
				"junit");
		assertThat(FleetPlans.count(junit.stdout(), "errors=\"0\"")).as(junit.stdout()).isEqualTo(3);
		assertThat(FleetPlans.count(junit.stdout(), "<skipped message=\"stopped after")).isEqualTo(3);

		Path h1Journal = this.dir.resolve("logs").resolve(fleetJson.get("hosts").get(0).get("journal").asText());
		RunbookCli.Result hosts = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", h1Journal.toString(),
				"--compare", h2Journal.toString());
		assertThat(hosts.exitCode()).as(hosts.all()).isZero();
		assertThat(hosts.stdout()).contains("| Target | h1 | h2 |").containsPattern(
				"\\| 1\\.2 names \\| succeeded \\| succeeded \\| .* \\| .* \\| \\*\\*differs\\*\\* \\|");

		RunbookCli.Result fleets = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", index.toString(),
				"--compare", index2.toString());
		assertThat(fleets.exitCode()).as(fleets.all()).isZero();
		assertThat(fleets.stdout()).contains("# Fleet comparison: Fleet").contains("Hosts only in A: h3")
			.contains("Hosts only in B: (none)").contains("| h1 | succeeded | succeeded | same |")
			.contains("| h2 | succeeded | succeeded | same |").contains("## Host h2");
		RunbookCli.Result fleetsJson = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", index.toString(),
				"--compare", index2.toString(), "--format", "json");
		assertThat(FleetPlans.JSON.readTree(fleetsJson.stdout()).get("onlyInA").toString()).isEqualTo("[\"h3\"]");

		RunbookCli.Result mixed = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", index.toString(),
				"--compare", h1Journal.toString());
		assertThat(mixed.exitCode()).isEqualTo(2);
		assertThat(mixed.stderr()).contains("--compare of a fleet index takes a second fleet index").hasLineCount(1);
	}

	@Test
	void aBlockRetriedOnAHostShowsEveryAttemptInTheMatrixAndInThatHostsLog() throws Exception {
		FleetPlans fleet = new FleetPlans(this.dir);
		fleet.plan(2, FleetPlans.block("first", "true"),
				FleetPlans.block("flaky", "echo \"try on $(basename \"$PWD\")\"; test ! -e \"../fail-$(basename \"$PWD\")\""));
		Files.writeString(this.dir.resolve("fail-h2"), "");
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir,
				TmuxTerminal.runbook(this.dir, "run plan.md --target web --max-fail 50% --log-dir logs"))) {
			terminal.await("[y] run", WAIT);
			terminal.type("y");
			terminal.awaitCount("[y] run", 2, WAIT);
			terminal.type("y");
			terminal.await("[r] retry on the failed hosts", WAIT);
			Files.delete(this.dir.resolve("fail-h2"));
			terminal.type("r");
			assertThat(terminal.await("EXIT=", WAIT)).contains("EXIT=0");
		}
		Path index = index(this.dir.resolve("logs"));
		RunbookCli.Result md = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", index.toString());
		assertThat(md.stdout()).as(md.all()).contains("| 1.2 flaky | succeeded | failed (exit 1) → succeeded |");
		RunbookCli.Result html = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", index.toString(), "--format",
				"html");
		assertThat(html.stdout()).contains("<a href=\"#host-h2-1_2\">failed (exit 1) → succeeded</a>")
			.contains("<p>Attempt 1 of 2: failed (exit 1)").contains("<p>Attempt 2 of 2: succeeded");

		Path h2Journal = this.dir.resolve("logs")
			.resolve(FleetPlans.JSON.readTree(index.toFile()).get("hosts").get(1).get("journal").asText());
		RunbookCli.Result log = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", h2Journal.toString());
		assertThat(log.stdout()).containsSubsequence("### 1.2 flaky: succeeded", "- Attempts: 2 (failed (exit 1) → succeeded)",
				"#### Attempt 1 of 2: failed", "exit code 1", "try on h2", "#### Attempt 2 of 2: succeeded",
				"exit code 0", "try on h2");
	}

	private static Path index(Path logs) throws Exception {
		try (var files = Files.list(logs)) {
			return files.filter(f -> f.getFileName().toString().contains("-fleet-")
					&& f.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
		}
	}

}
