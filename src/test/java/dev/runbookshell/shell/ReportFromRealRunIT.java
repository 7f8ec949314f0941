package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reports from journals written by real runs of the built jar (not from hand-made fixtures): a rehearsal with a
 * skip, an edit, an ignored failure, a checklist and a secret, then a second run to compare with.
 */
class ReportFromRealRunIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private static final String SECRET = "pa55-Zq9-unique";

	private static final String PLAN = """
			---
			title: Report drill
			variables:
			  TOKEN:
			    secret: true
			---
			# Report drill

			## Prepare

			```bash {name=prepare}
			echo "using $TOKEN"
			```

			- [ ] The token was accepted

			## Cutover

			```bash {name=switch}
			echo switching
			```

			```bash {name=optional}
			echo should be skipped
			```

			```bash {name=flaky}
			echo about to fail; false
			```

			## Rollback

			```bash {name=undo}
			echo undo
			```
			""";

	private static final String ANSWERS = """
			default: run
			on-failure: ignore
			blocks:
			  optional: skip
			  switch: {edit: "echo switched by edit"}
			variables:
			  TOKEN: %s
			checks: all
			""".formatted(SECRET);

	@TempDir
	Path dir;

	@Test
	void everyFormatShowsWhatReallyHappenedAndNoneShowsTheSecret() throws Exception {
		Files.writeString(this.dir.resolve("drill.md"), PLAN);
		Files.writeString(this.dir.resolve("answers.yaml"), ANSWERS);
		RunbookCli.Result run = RunbookCli.run(this.dir, TIMEOUT, "run", "drill.md", "--answers", "answers.yaml");
		assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
		assertThat(run.all()).doesNotContain(SECRET);
		Path journal = onlyJournal();

		String md = report(journal, "md");
		assertThat(md).contains("# Migration Log: Report drill", "switched by edit", "skipped", "failed",
				"The token was accepted", "using ****");
		String html = report(journal, "html");
		assertThat(html).contains("<html", "Report drill", "switched by edit").doesNotContain("http://", "https://");
		String junit = report(journal, "junit");
		SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(getClass().getResource("/report/junit.xsd"))
			.newValidator()
			.validate(new StreamSource(new java.io.StringReader(junit)));
		assertThat(junit).contains("<failure", "<skipped").contains("name=\"2.3 flaky\"");
		JsonNode json = new ObjectMapper().readTree(report(journal, "json"));
		assertThat(json.toString()).contains("\"skipped\"", "\"failed\"", "\"succeeded\"");
		List<String> cast = report(journal, "cast").lines().toList();
		assertThat(new ObjectMapper().readTree(cast.get(0)).get("version").asInt()).isEqualTo(2);
		assertThat(cast.stream().skip(1).map(this::json).filter(e -> e.get(1).asText().equals("m")))
			.extracting(e -> e.get(2).asText())
			.contains("1.1 prepare", "2.3 flaky");

		for (String format : List.of("md", "html", "junit", "json", "cast")) {
			assertThat(report(journal, format)).as(format).doesNotContain(SECRET);
		}
		try (Stream<Path> written = Files.walk(this.dir)) {
			for (Path file : written.filter(Files::isRegularFile).toList()) {
				if (!file.getFileName().toString().equals("answers.yaml")) {
					assertThat(Files.readString(file)).as(file.toString()).doesNotContain(SECRET);
				}
			}
		}
	}

	@Test
	void twoRealRunsCompareBlockByBlock() throws Exception {
		Files.writeString(this.dir.resolve("drill.md"), PLAN);
		Files.writeString(this.dir.resolve("answers.yaml"), ANSWERS);
		RunbookCli.run(this.dir, TIMEOUT, "run", "drill.md", "--answers", "answers.yaml", "--log-dir", "rehearsal");
		RunbookCli.run(this.dir, TIMEOUT, "run", "drill.md", "--yes", "--var", "TOKEN=" + SECRET, "--log-dir",
				"production");
		RunbookCli.Result compare = RunbookCli.run(this.dir, TIMEOUT, "report", journalIn("rehearsal").toString(),
				"--compare", journalIn("production").toString());
		assertThat(compare.exitCode()).as(compare.all()).isZero();
		assertThat(compare.stdout()).contains("2.1 switch", "2.3 flaky", "skipped").doesNotContain(SECRET);
	}

	private String report(Path journal, String format) throws Exception {
		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "report", journal.toString(), "--format", format);
		assertThat(result.exitCode()).as(format + ": " + result.stderr()).isZero();
		return result.stdout();
	}

	private JsonNode json(String line) {
		try {
			return new ObjectMapper().readTree(line);
		}
		catch (Exception ex) {
			throw new AssertionError("not JSON: " + line, ex);
		}
	}

	private Path onlyJournal() throws Exception {
		return journalIn("migration-logs");
	}

	private Path journalIn(String folder) throws Exception {
		try (Stream<Path> files = Files.list(this.dir.resolve(folder))) {
			return files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
		}
	}

}
