package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.DockerTestEngine;

/**
 * A block's outcome is the truth about its commands (issue 9, point 1), seen as a user sees it: the built jar,
 * its terminal output, the journal and every report. Several "command not found" in one block used to be logged
 * as succeeded because only the last command's status counted.
 */
class FailedCommandsIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dir;

	/** Line numbers below are this text's: the fence of Stop is line 5, so its command lines start at 6. */
	private static final String PLAN = """
			# Failures

			## Stop

			```bash {name=stops}
			echo start
			rb-no-such-command --now
			echo never-printed
			```

			## Go on

			```bash {name=goes-on errexit=false}
			rb-missing-tool
			echo middle
			grep -q nothing /dev/null
			echo went-on
			```

			## Tested

			```bash {name=tested}
			if rb-missing-probe 2>/dev/null; then echo yes; fi
			rb-missing-probe 2>/dev/null || echo fallback
			false && echo no
			! true
			echo out-1; echo err-2 >&2; echo out-3
			```
			""";

	@Test
	void theFirstFailedCommandStopsTheBlockAndEveryReportNamesItsLineTextAndExitCode() throws Exception {
		Files.writeString(this.dir.resolve("deploy.md"), PLAN);
		Files.writeString(this.dir.resolve("go-on.yaml"), "default: run\non-failure: ignore\n");

		RunbookCli.Result run = RunbookCli.run(this.dir, TIMEOUT, "run", "deploy.md", "--answers", "go-on.yaml",
				"--log-dir", "logs");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
		assertThat(run.stdout()).contains("stops failed (exit 127")
			.contains("deploy.md:7: `rb-no-such-command --now` exited 127 (command not found)")
			.doesNotContain("never-printed")
			.contains("deploy.md: line 7: rb-no-such-command: command not found")
			.doesNotContain("main: line");
		assertThat(run.stdout()).contains("goes-on succeeded-with-failures")
			.contains("went on after deploy.md:14: `rb-missing-tool` exited 127 (command not found)")
			.contains("went on after deploy.md:16: `grep -q nothing /dev/null` exited 1")
			.contains("middle", "went-on");
		assertThat(run.stdout()).contains("fallback", "tested succeeded (");

		Path journal = RunbookCli.journal(this.dir.resolve("logs"));
		List<JsonNode> finished = Files.readAllLines(journal).stream().map(FailedCommandsIT::json)
			.filter(e -> e.path("type").asText().equals("block-finished")).toList();
		assertThat(finished).extracting(e -> e.path("status").asText())
			.containsExactly("failed", "succeeded-with-failures", "succeeded");
		JsonNode stopped = finished.get(0).path("failedCommands").get(0);
		assertThat(stopped.path("line").asInt()).isEqualTo(7);
		assertThat(stopped.path("exitCode").asInt()).isEqualTo(127);
		assertThat(stopped.path("command").asText()).isEqualTo("rb-no-such-command --now");
		assertThat(finished.get(1).path("failedCount").asInt()).isEqualTo(2);
		assertThat(finished.get(2).has("failedCommands")).as("tested commands are not failures").isFalse();
		assertThat(finished.get(2).path("output").asText()).as("stdout and stderr in the order written")
			.endsWith("out-1\nerr-2\nout-3\n");

		String markdown = Files.readString(Path.of(journal.toString().replace(".jsonl", ".md")));
		assertThat(markdown).as("the live Markdown log").contains("stops: failed at line 7 (exit 127 (command not found))")
			.contains("`rb-no-such-command --now` exited 127").contains("goes-on: succeeded with 2 failed commands")
			.contains("Warning: went on after deploy.md:14:");
		for (String format : List.of("md", "html", "junit", "json")) {
			RunbookCli.Result report = RunbookCli.run(this.dir, TIMEOUT, "report", journal.toString(), "--format",
					format);
			assertThat(report.exitCode()).as(format + ": " + report.all()).isZero();
			assertThat(report.stdout()).as(format).contains("deploy.md", "rb-no-such-command --now", "127")
				.contains("rb-missing-tool").doesNotContain("\"status\":\"succeeded\",\"exitCode\":0,\"durationMs\"");
		}
		assertThat(RunbookCli.run(this.dir, TIMEOUT, "report", journal.toString(), "--format", "junit").stdout())
			.contains("<failure message=\"failed at deploy.md:7: `rb-no-such-command --now` exited 127 (command not found)\"")
			.contains("succeeded with 2 failed commands (errexit=false)");
	}

	@Test
	void aBlockWentOnAfterFailuresIsNotRunAgainByAResume() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Resume

				## One

				```bash {name=tolerant errexit=false}
				echo ran >> tolerant.txt
				rb-missing-tool
				echo went on
				```

				## Two

				```bash {name=gate}
				test -f open.flag
				```
				""");
		RunbookCli.Result first = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--log-dir", "logs");
		assertThat(first.exitCode()).as(first.all()).isEqualTo(1);
		Files.writeString(this.dir.resolve("open.flag"), "");
		Path journal = RunbookCli.journal(this.dir.resolve("logs"));

		RunbookCli.Result resumed = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--resume",
				journal.toString());

		assertThat(resumed.exitCode()).as(resumed.all()).isZero();
		assertThat(this.dir.resolve("tolerant.txt")).hasContent("ran");
		assertThat(resumed.stdout()).contains("gate");
	}

	@Test
	void setVerboseInABlockNeverEchoesTheToolsLinesNorTheExportOfASecret() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				---
				variables:
				  DB_PASS:
				    secret: true
				---
				# Verbose

				## One

				```bash {name=verbose}
				set -v
				echo one
				```

				## Two

				```bash {name=uses-secret}
				echo "length ${#DB_PASS}"
				```
				""");
		RunbookCli.Result run = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--var",
				"DB_PASS=hunter2-secret", "--log-dir", "logs");

		assertThat(run.exitCode()).as(run.all()).isZero();
		assertThat(run.stdout()).contains("echo one", "length 14").doesNotContain("export DB_PASS", "__rb", "__RB",
				"hunter2-secret");
		assertThat(RunbookCli.filesContaining(this.dir, "export DB_PASS")).isEmpty();
	}

	@Test
	void onBusyboxShTheSameRuleHoldsWithRunbookLines() throws Exception {
		DockerTestEngine.require().close();
		Files.writeString(this.dir.resolve("deploy.md"), PLAN);
		Files.writeString(this.dir.resolve("go-on.yaml"), "default: run\non-failure: ignore\n");

		RunbookCli.Result run = RunbookCli.run(this.dir, TIMEOUT, "run", "deploy.md", "--target",
				"docker+image://" + DockerTestEngine.BUSYBOX_IMAGE, "--answers", "go-on.yaml", "--log-dir", "logs");

		assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
		assertThat(run.stdout()).contains("deploy.md:7: `rb-no-such-command --now` exited 127 (command not found)")
			.contains("deploy.md: line 7: rb-no-such-command: not found")
			.doesNotContain("never-printed")
			.contains("goes-on succeeded-with-failures")
			.contains("went on after deploy.md:14: `rb-missing-tool` exited 127", "fallback")
			.contains("out-1\nerr-2\nout-3\n");
	}

	private static JsonNode json(String line) {
		try {
			return JSON.readTree(line);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
