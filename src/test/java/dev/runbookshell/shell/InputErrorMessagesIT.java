package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input and unreachable targets through the built jar: one line on stderr naming the file and line (or the
 * host and port) and what is wrong, the documented exit code, no stack trace and no "unexpected".
 */
class InputErrorMessagesIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	@BeforeEach
	void runbook() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Plan

				```bash {name=mark}
				echo ran > ran.txt
				```
				""");
	}

	@Test
	void aBlockThatIsNotUtf8IsRefusedNamingItsLineAndNothingRuns() throws Exception {
		byte[] plan = "# Menu\n\n```bash\necho ok > ran.txt\necho caf\u00e9 > menu.txt\n```\n"
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		Files.write(this.dir.resolve("latin1.md"), plan);

		RunbookCli.Result result = run(Map.of(), "run", "latin1.md", "--yes");

		assertOneLine(result, 2);
		assertThat(result.stderr()).contains("latin1.md:5: not UTF-8 (byte 0xE9) in block 0.1");
		assertThat(this.dir.resolve("ran.txt")).doesNotExist();
		assertThat(this.dir.resolve("menu.txt")).doesNotExist();
	}

	@Test
	void resumingAFileThatIsNotJsonNamesItsFirstLineAndExitsTwo() throws Exception {
		Files.writeString(this.dir.resolve("notes.jsonl"), "these are my notes, not a journal\n");

		RunbookCli.Result result = run(Map.of(), "run", "plan.md", "--yes", "--resume", "notes.jsonl");

		assertOneLine(result, 2);
		assertThat(result.stderr()).contains("notes.jsonl:1: not a runbook-shell journal (bad JSON");
		assertThat(this.dir.resolve("ran.txt")).doesNotExist();
	}

	@Test
	void resumingTheMarkdownLogInsteadOfTheJournalSaysItIsNotAJournal() throws Exception {
		assertThat(run(Map.of(), "run", "plan.md", "--yes", "--log-dir", "logs").exitCode()).isZero();
		Path markdownLog;
		try (var logs = Files.list(this.dir.resolve("logs"))) {
			markdownLog = logs.filter(f -> f.toString().endsWith(".md")).findFirst().orElseThrow();
		}

		RunbookCli.Result result = run(Map.of(), "run", "plan.md", "--yes", "--resume", markdownLog.toString());

		assertOneLine(result, 2);
		assertThat(result.stderr()).contains(markdownLog + ":1: not a runbook-shell journal");
	}

	@Test
	void anAnswersFileThatIsNotValidYamlIsOneLineWithFileAndLine() throws Exception {
		Files.writeString(this.dir.resolve("answers.yaml"), """
				default: run
				blocks: [mark: skip
				checks: all
				""");

		RunbookCli.Result result = run(Map.of(), "run", "plan.md", "--answers", "answers.yaml");

		assertOneLine(result, 2);
		assertThat(result.stderr()).contains("answers.yaml:2: invalid YAML");
		assertThat(this.dir.resolve("ran.txt")).doesNotExist();
	}

	@Test
	void anAnswersValueThatIsNotAllowedIsOneLineWithFileAndTheLineOfItsKey() throws Exception {
		Files.writeString(this.dir.resolve("answers.yaml"), """
				default: run
				checks: all
				on-unknown: sometimes
				""");

		RunbookCli.Result result = run(Map.of(), "run", "plan.md", "--answers", "answers.yaml");

		assertOneLine(result, 2);
		assertThat(result.stderr())
			.contains("answers.yaml:3: on-unknown must be one of rerun, skip, stop, not 'sometimes'");
		assertThat(this.dir.resolve("ran.txt")).doesNotExist();
	}

	@Test
	void anSshHostWhoseNameDoesNotResolveIsSaidSoWithItsPort() throws Exception {
		RunbookCli.Result result = run(Map.of(), "run", "plan.md", "--yes", "--target",
				"ssh://deploy@no-such-host.invalid:2222");

		assertOneLine(result, 3);
		assertThat(result.stderr()).contains("deploy@no-such-host.invalid:2222")
			.contains("the host name no-such-host.invalid does not resolve");
	}

	@Test
	void aDockerHostWhoseNameDoesNotResolveIsSaidSo() throws Exception {
		RunbookCli.Result result = run(Map.of("DOCKER_HOST", "tcp://no-such-engine.invalid:2375"), "run", "plan.md",
				"--yes", "--target", "docker://web");

		assertOneLine(result, 3);
		assertThat(result.stderr()).contains("DOCKER_HOST=tcp://no-such-engine.invalid:2375")
			.contains("the host name no-such-engine.invalid does not resolve");
	}

	@Test
	void aKeepAliveThatIsNotANumberIsBadInputNamingTheOption() throws Exception {
		RunbookCli.Result result = run(Map.of(), "run", "plan.md", "--yes", "--target",
				"ssh://deploy@db1:22?keep-alive=soon");

		assertOneLine(result, 2);
		assertThat(result.stderr()).contains("keep-alive must be a whole number of at least 1 (seconds), not 'soon'");
	}

	private RunbookCli.Result run(Map<String, String> environment, String... args) throws Exception {
		return RunbookCli.waitFor(RunbookCli.start(this.dir, null, environment, args), this.dir, TIMEOUT);
	}

	private static void assertOneLine(RunbookCli.Result result, int exitCode) {
		assertThat(result.exitCode()).as(result.all()).isEqualTo(exitCode);
		assertThat(result.stderr().strip()).as(result.all()).startsWith("error: ").doesNotContain("\n")
			.doesNotContain("unexpected").doesNotContain("Exception");
	}

}
