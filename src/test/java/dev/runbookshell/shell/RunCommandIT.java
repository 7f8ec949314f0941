package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runbook run} end to end: the built jar as a subprocess, on the local target. */
class RunCommandIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	private static final String PLAN = """
			---
			title: IT plan
			variables:
			  MESSAGE:
			    default: hello
			---
			# IT plan

			## Prepare

			```bash {name=make-file}
			echo "$MESSAGE" > made.txt
			echo made
			```

			## Check

			```bash {name=check-file}
			cat made.txt
			```

			```bash {name=mark}
			echo marked > marked.txt
			```

			## Rollback

			```bash {name=undo}
			rm -f made.txt
			```
			""";

	private Path write(String name, String text) throws Exception {
		Path file = this.dir.resolve(name);
		Files.writeString(file, text);
		return file;
	}

	@Test
	void yesRunsEveryBlockPrintsHeadersAndWritesTheJournal() throws Exception {
		write("plan.md", PLAN);

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--log-dir", "logs");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).contains("==> [1/3] 1.1 make-file  (Prepare)  on local")
			.contains("<== 2.1 check-file succeeded")
			.contains("hello")
			.contains("Session succeeded")
			.contains("logs/");
		assertThat(this.dir.resolve("marked.txt")).exists();
		assertThat(Files.readString(RunbookCli.journal(this.dir.resolve("logs")))).contains("\"session-finished\"")
			.contains("\"mode\":\"yes\"");
	}

	@Test
	void aFailingBlockStopsTheRunWithExitOne() throws Exception {
		write("plan.md", PLAN.replace("cat made.txt", "cat missing.txt"));

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--log-dir", "logs");

		assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
		assertThat(result.stdout()).contains("<== 2.1 check-file failed (exit 1");
		assertThat(this.dir.resolve("marked.txt")).doesNotExist();
	}

	@Test
	void withoutATerminalOrAnAnswerOptionItRefusesAtOnce() throws Exception {
		write("plan.md", PLAN);
		// 10 s, or twice a bare start-up when the machine is so loaded that starting the JVM takes longer
		Duration startup = RunbookCli.run(this.dir, TIMEOUT, "--version").elapsed();
		Duration limit = Duration.ofSeconds(10).compareTo(startup.multipliedBy(2)) > 0 ? Duration.ofSeconds(10)
				: startup.multipliedBy(2);

		RunbookCli.Result result = RunbookCli.run(this.dir, limit, "run", "plan.md");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stderr()).contains("--yes").contains("--answers").contains("--replay");
		assertThat(this.dir.resolve("made.txt")).doesNotExist();
		assertThat(this.dir.resolve("migration-logs")).doesNotExist();
	}

	@Test
	void dryRunPrintsThePlanWithValuesAndTouchesNothing() throws Exception {
		write("plan.md", PLAN);

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--dry-run", "--var",
				"MESSAGE=bonjour");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).contains("==> [1/3] 1.1 make-file").contains("echo \"$MESSAGE\" > made.txt")
			.contains("nothing was run")
			.doesNotContainPattern("(?m)^\\s*$");
		assertThat(this.dir.resolve("made.txt")).doesNotExist();
		assertThat(this.dir.resolve("migration-logs")).doesNotExist();
	}

	@Test
	void answersFileSkipsAndEditsBlocks() throws Exception {
		write("plan.md", PLAN);
		write("answers.yaml", """
				blocks:
				  check-file: skip
				  mark: {edit: "echo edited > marked.txt"}
				""");

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--answers", "answers.yaml",
				"--log-dir", "logs");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).contains("<== 2.1 check-file skipped");
		assertThat(this.dir.resolve("marked.txt")).hasContent("edited");
	}

	@Test
	void unknownBlockInTheAnswersFileIsNamed() throws Exception {
		write("plan.md", PLAN);
		write("answers.yaml", "blocks:\n  backup-db: skip\n");

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--answers", "answers.yaml");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stderr()).contains("no block backup-db");
	}

	@Test
	void replayAppliesTheRehearsedDecisions() throws Exception {
		write("plan.md", PLAN);
		write("answers.yaml", "blocks:\n  check-file: skip\n  mark: {edit: \"echo rehearsed > marked.txt\"}\n");
		RunbookCli.Result rehearsal = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--answers",
				"answers.yaml", "--log-dir", "rehearsal");
		assertThat(rehearsal.exitCode()).as(rehearsal.all()).isZero();
		Files.delete(this.dir.resolve("marked.txt"));

		RunbookCli.Result replay = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--replay",
				RunbookCli.journal(this.dir.resolve("rehearsal")).toString(), "--log-dir", "production");

		assertThat(replay.exitCode()).as(replay.all()).isZero();
		assertThat(replay.stdout()).contains("<== 2.1 check-file skipped");
		assertThat(this.dir.resolve("marked.txt")).hasContent("rehearsed");
		assertThat(Files.readString(RunbookCli.journal(this.dir.resolve("production"))))
			.contains("\"mode\":\"replay\"");
	}

	@Test
	void replayIsRefusedWhenABlockChangedSinceTheRehearsal() throws Exception {
		write("plan.md", PLAN);
		RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--log-dir", "rehearsal");
		write("plan.md", PLAN.replace("echo marked", "echo changed"));

		RunbookCli.Result replay = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--replay",
				RunbookCli.journal(this.dir.resolve("rehearsal")).toString(), "--log-dir", "production");

		assertThat(replay.exitCode()).isEqualTo(2);
		assertThat(replay.stderr()).contains("block 2.2 mark changed since").contains("--force");
	}

	@Test
	void anInjectionValueGivenWithVarArrivesVerbatim() throws Exception {
		String injection = "'; rm -rf ~ #";
		write("plan.md", """
				# Echo

				```bash {name=echo-it}
				printf '%s' <message> > value.txt
				```
				""");

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--var",
				"message=" + injection, "--log-dir", "logs");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(this.dir.resolve("value.txt")).hasContent(injection);
	}

	@Test
	void aSecretValueIsNowhereOnDiskNorInTheTerminalOutput() throws Exception {
		String secret = "pa55-Wh1sper-77";
		write("plan.md", """
				---
				variables:
				  TOKEN:
				    secret: true
				---
				# Secret

				```bash {name=use-token}
				echo "token is $TOKEN"
				echo "$TOKEN" >&2
				```

				```bash {name=big-output}
				for i in $(seq 1 20000); do echo "line $i $TOKEN"; done
				```
				""");

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--var",
				"TOKEN=" + secret, "--log-dir", "logs");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).contains("token is ****");
		assertThat(RunbookCli.filesContaining(this.dir, secret)).isEmpty();
		try (var files = Files.list(this.dir.resolve("logs"))) {
			assertThat(files.map(Path::toString)).anyMatch(f -> f.endsWith(".out"));
		}
	}

	@Test
	void unknownFromBlockIsBadUsage() throws Exception {
		write("plan.md", PLAN);

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--from", "nope");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stderr()).contains("no block 'nope'");
	}

	@Test
	void fromAndToLimitTheBlocksThatRun() throws Exception {
		write("plan.md", PLAN.replace("cat made.txt", "echo second"));

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--from",
				"check-file", "--to", "2.1", "--log-dir", "logs");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).contains("==> [1/1] 2.1 check-file");
		assertThat(this.dir.resolve("made.txt")).doesNotExist();
		assertThat(this.dir.resolve("marked.txt")).doesNotExist();
	}

	@Test
	void anUnreachableTargetExitsThree() throws Exception {
		write("plan.md", PLAN);

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--target",
				"ssh://nobody@127.0.0.1:1", "--log-dir", "logs");

		assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
		assertThat(this.dir.resolve("logs")).doesNotExist();
	}

}
