package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** {@code report FLEET_INDEX}: the blocks × hosts matrix in Markdown and HTML, JUnit with a suite per host. */
class FleetReportIT {

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
		assertThat(cast.stderr()).contains("a fleet index is reported as md, html or junit");
	}

}
