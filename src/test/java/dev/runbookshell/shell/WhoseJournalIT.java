package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.DockerTestEngine;

/** Resume and replay refuse a journal that is not the runbook's, and a refused run writes and starts nothing. */
class WhoseJournalIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String BLOCKS = """

			## Steps

			```bash {name=one}
			echo one >> one.txt
			```

			```bash {name=two}
			echo two >> two.txt
			```
			""";

	@TempDir
	Path dir;

	@Test
	void anEmptyJournalIsRefusedForResumeAndReplayAndNothingIsWritten() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), "# Plan\n" + BLOCKS);
		Files.createDirectories(this.dir.resolve("logs"));
		Files.writeString(this.dir.resolve("logs/empty.jsonl"), "");

		for (String[] args : List.of(new String[] { "run", "plan.md", "--yes", "--resume", "logs/empty.jsonl" },
				new String[] { "run", "plan.md", "--replay", "logs/empty.jsonl", "--log-dir", "logs" })) {
			RunbookCli.Result refused = RunbookCli.run(this.dir, TIMEOUT, args);

			assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
			assertThat(refused.stderr().strip()).contains("logs/empty.jsonl is empty").contains("plan.md")
				.doesNotContain("\n");
		}
		assertThat(this.dir.resolve("one.txt")).doesNotExist();
		try (var files = Files.list(this.dir.resolve("logs"))) {
			assertThat(files.map(f -> f.getFileName().toString())).containsExactly("empty.jsonl");
		}
		assertThat(this.dir.resolve("logs/empty.jsonl")).isEmptyFile();
	}

	@Test
	void anEmptyJournalIsNotReportedAsAVerifiedRunOf1970() throws Exception {
		Files.writeString(this.dir.resolve("empty.jsonl"), "");

		for (String format : List.of("md", "json", "junit")) {
			RunbookCli.Result refused = RunbookCli.run(this.dir, TIMEOUT, "report", "empty.jsonl", "--format", format,
					"--out", "report." + format);

			assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
			assertThat(refused.stderr().strip()).isEqualTo(
					"error: empty.jsonl holds no event: it is not a journal, there is nothing to report");
			assertThat(refused.stdout()).doesNotContain("1970", "verified");
			assertThat(this.dir.resolve("report." + format)).doesNotExist();
		}
	}

	@Test
	void aFileThatIsNotAJournalIsBadInputForReportAsForResume() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), "# Plan\n" + BLOCKS);

		RunbookCli.Result report = RunbookCli.run(this.dir, TIMEOUT, "report", "plan.md");
		RunbookCli.Result resume = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--resume",
				"plan.md");

		for (RunbookCli.Result refused : List.of(report, resume)) {
			assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
			assertThat(refused.stderr().strip()).startsWith("error: plan.md:1: not a runbook-shell journal")
				.doesNotContain("\n");
		}
		assertThat(report.stdout()).isEmpty();
	}

	@Test
	void aJournalWithoutASessionStartIsRefused() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), "# Plan\n" + BLOCKS);
		Files.createDirectories(this.dir.resolve("logs"));
		String line = "{\"seq\":1,\"at\":\"2026-01-01T00:00:00.000Z\",\"type\":\"note\",\"prev\":\"\",\"text\":\"hi\"}\n";
		Files.writeString(this.dir.resolve("logs/headless.jsonl"), line);

		RunbookCli.Result refused = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--resume",
				"logs/headless.jsonl");

		assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
		assertThat(refused.stderr()).contains("logs/headless.jsonl has no session-started event").contains("plan.md");
		assertThat(this.dir.resolve("logs/headless.jsonl")).hasContent(line.strip());
		assertThat(this.dir.resolve("one.txt")).doesNotExist();
	}

	@Test
	void aJournalOfAnotherRunbookIsRefusedEvenWhenItsBlocksMatch() throws Exception {
		Files.writeString(this.dir.resolve("staging.md"), "# Staging cut-over\n" + BLOCKS);
		Files.writeString(this.dir.resolve("other.md"), "# Other plan\n" + BLOCKS);
		RunbookCli.Result first = RunbookCli.run(this.dir, TIMEOUT, "run", "staging.md", "--yes", "--to", "one",
				"--log-dir", "logs");
		assertThat(first.exitCode()).as(first.all()).isZero();
		Path journal = RunbookCli.journal(this.dir.resolve("logs"));
		String before = Files.readString(journal);

		RunbookCli.Result resumed = RunbookCli.run(this.dir, TIMEOUT, "run", "other.md", "--yes", "--resume",
				journal.toString());
		RunbookCli.Result replayed = RunbookCli.run(this.dir, TIMEOUT, "run", "other.md", "--replay",
				journal.toString(), "--to", "one", "--log-dir", "replays");

		for (RunbookCli.Result refused : List.of(resumed, replayed)) {
			assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
			assertThat(refused.stderr()).contains("is a journal of staging.md").contains("not of other.md")
				.contains(journal.getFileName().toString());
		}
		assertThat(Files.readString(journal)).isEqualTo(before);
		assertThat(this.dir.resolve("replays")).doesNotExist();
		assertThat(this.dir.resolve("one.txt")).hasContent("one");
	}

	@Test
	void aRefusedDockerImageResumeStartsNoContainerAndOneRefusedByItsTargetLeavesNone() throws Exception {
		Files.writeString(this.dir.resolve("staging.md"), "# Staging cut-over\n" + BLOCKS);
		Files.writeString(this.dir.resolve("other.md"), "# Other plan\n" + BLOCKS);
		String target = "docker+image://" + DockerTestEngine.BASH_IMAGE;
		try (DockerTestEngine docker = DockerTestEngine.require()) {
			RunbookCli.Result first = RunbookCli.run(this.dir, TIMEOUT, "run", "staging.md", "--target", target,
					"--yes", "--log-dir", "logs");
			assertThat(first.exitCode()).as(first.all()).isZero();
			Path journal = RunbookCli.journal(this.dir.resolve("logs"));

			// with no Docker engine to reach, a run that tried to start a container would fail with exit 3
			Process other = RunbookCli.start(this.dir, null, Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"),
					"run", "other.md", "--target", target, "--yes", "--resume", journal.toString());
			RunbookCli.Result refused = RunbookCli.waitFor(other, this.dir, TIMEOUT);
			assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
			assertThat(refused.stderr()).contains("is a journal of staging.md");

			// a new throwaway container is not the one the journal was written on: refused, and removed
			RunbookCli.Result again = RunbookCli.run(this.dir, TIMEOUT, "run", "staging.md", "--target", target,
					"--yes", "--resume", journal.toString());
			assertThat(again.exitCode()).as(again.all()).isEqualTo(2);
			Matcher now = Pattern.compile("then, ([0-9a-f]{64}) now").matcher(again.stderr());
			assertThat(now.find()).as(again.stderr()).isTrue();
			assertThat(docker.exists(now.group(1))).isFalse();
		}
	}

}
