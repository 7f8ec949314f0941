package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What walking real migration plans by hand turned up, each reproduced on a runbook of its own: the built jar,
 * at a tmux terminal where an operator answers, or unattended and resumed.
 */
class SeedWalkIT {

	@TempDir
	Path dir;

	@Test
	void aRiskyBlockWhoseNameIsNotTypedAfterAllIsAskedAboutAgainWithItsTextAndTheLogSaysItDidNotRun()
			throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Clean up

				```bash {name=first}
				echo first-ran
				```

				```bash {name=wipe}
				rm -rf ./scratch && echo wipe-ran
				```
				""");
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir, TmuxTerminal.runbook(this.dir, "run plan.md"))) {
			terminal.await("[y] run", Duration.ofSeconds(60));
			terminal.type("a");
			terminal.await("Type the target's name (local) to run it:", Duration.ofSeconds(30));
			terminal.type("not-the-name");
			terminal.await("not confirmed: 0.2 wipe did not run", Duration.ofSeconds(10));
			// the block's own question again, its text above it, so that it can be skipped or stopped
			terminal.awaitCount("[y] run", 2, Duration.ofSeconds(10));
			String screen = terminal.screen();
			assertThat(screen.substring(screen.indexOf("not confirmed"))).contains("rm -rf ./scratch && echo wipe-ran");
			terminal.type("s");
			terminal.await("EXIT=", Duration.ofSeconds(30));
			assertThat(terminal.screen()).contains("first-ran").doesNotContain("\nwipe-ran");
		}

		Path journal = TmuxTerminal.finishedJournal(this.dir);
		assertThat(EditAtTheTerminalIT.events(journal, "decision"))
			.filteredOn(d -> d.get("block").get("name").asText().equals("wipe"))
			.extracting(d -> d.get("choice").asText())
			.containsExactly("skip");
		assertThat(EditAtTheTerminalIT.events(journal, "note")).extracting(n -> n.get("text").asText())
			.contains("not confirmed: the target's name was not typed, 0.2 wipe did not run");
		assertThat(EditAtTheTerminalIT.events(journal, "block-started")).extracting(s -> s.get("block").get("name")
			.asText()).containsExactly("first");

		// a replay takes the decisions the operator took: the name not typed, then skip
		RunbookCli.Result replay = RunbookCli.run(this.dir, Duration.ofSeconds(120), "run", "plan.md", "--replay",
				journal.toString(), "--log-dir", "replayed");
		assertThat(replay.exitCode()).as(replay.all()).isZero();
		assertThat(replay.stdout()).contains("first-ran").doesNotContain("\nwipe-ran");
	}

	@Test
	void aResumeGoesOnAfterAFailedBlockTheOperatorIgnoredInsteadOfRunningItAgain() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Steps

				```bash {name=flaky}
				echo flaky >> ran.txt
				false
				```

				```bash {name=later}
				echo later >> ran.txt
				```

				```bash {name=last}
				echo last >> ran.txt
				```
				""");
		Files.writeString(this.dir.resolve("answers.yaml"), """
				on-failure: ignore
				blocks:
				  last: stop
				""");
		RunbookCli.Result first = RunbookCli.run(this.dir, Duration.ofSeconds(120), "run", "plan.md", "--answers",
				"answers.yaml", "--log-dir", "logs");
		assertThat(first.exitCode()).as(first.all()).isEqualTo(1);
		assertThat(Files.readAllLines(this.dir.resolve("ran.txt"))).containsExactly("flaky", "later");
		Path journal = RunbookCli.journal(this.dir.resolve("logs"));

		RunbookCli.Result resumed = RunbookCli.run(this.dir, Duration.ofSeconds(120), "run", "plan.md", "--yes",
				"--resume", journal.toString(), "--log-dir", "logs");

		assertThat(resumed.all()).contains("at 0.3 last");
		assertThat(Files.readAllLines(this.dir.resolve("ran.txt"))).containsExactly("flaky", "later", "last");
		assertThat(resumed.exitCode()).as(resumed.all()).isEqualTo(1); // flaky still failed, and the log says so
		assertThat(EditAtTheTerminalIT.events(journal, "block-started"))
			.extracting(s -> s.get("block").get("name").asText())
			.containsExactly("flaky", "later", "last");
	}

	@Test
	void theReportCallsTheTextThatRanAnEditOnlyWhenItWasTheEditNotAfterAResumeRanTheRunbooksText() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Deploy

				```bash {name=deploy}
				echo runbook-text
				```
				""");
		Files.writeString(this.dir.resolve("answers.yaml"), """
				blocks:
				  deploy: {edit: "echo edited-text; false"}
				""");
		RunbookCli.Result first = RunbookCli.run(this.dir, Duration.ofSeconds(120), "run", "plan.md", "--answers",
				"answers.yaml", "--log-dir", "logs");
		assertThat(first.exitCode()).as(first.all()).isEqualTo(1);
		Path journal = RunbookCli.journal(this.dir.resolve("logs"));
		RunbookCli.Result resumed = RunbookCli.run(this.dir, Duration.ofSeconds(120), "run", "plan.md", "--yes",
				"--resume", journal.toString(), "--log-dir", "logs");
		assertThat(resumed.exitCode()).as(resumed.all()).isZero();

		RunbookCli.Result report = RunbookCli.run(this.dir, Duration.ofSeconds(60), "report", journal.toString());

		assertThat(report.exitCode()).as(report.all()).isZero();
		String md = report.stdout();
		assertThat(md).contains("Edited command (edit):\n\n```bash\necho edited-text; false\n```");
		// each attempt says what it ran: the edit first, then (resumed) the runbook's own text, not called an edit
		assertThat(md).containsSubsequence("#### Attempt 1 of 2",
				"Command as it ran (edited by the operator):\n\n```bash\necho edited-text; false\n```",
				"#### Attempt 2 of 2", "Command as it ran:\n\n```bash\necho runbook-text\n```");
		assertThat(md.substring(md.indexOf("#### Attempt 2 of 2"))).doesNotContain("edited by the operator");
		List<JsonNode> started = EditAtTheTerminalIT.events(journal, "block-started");
		assertThat(started).extracting(s -> s.get("command").asText())
			.containsExactly("echo edited-text; false", "echo runbook-text\n");
	}

	@Test
	void movingAFileAwayFromEtcIsRiskyLikeDeletingItThere() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Archive

				```bash {name=archive}
				mkdir -p /opt/archive
				sudo mv /etc/systemd/system/app.service /opt/archive/
				```
				""");

		RunbookCli.Result lint = RunbookCli.run(this.dir, Duration.ofSeconds(60), "lint", "plan.md");

		assertThat(lint.stdout()).contains("plan.md:5: warning: block 0.1 archive: moves /etc/systemd/system/app.service "
				+ "away from /etc (mv) with no backup in an earlier block");
		RunbookCli.Result dryRun = RunbookCli.run(this.dir, Duration.ofSeconds(60), "run", "plan.md", "--dry-run");
		assertThat(dryRun.stdout()).contains("# risky: moves /etc/systemd/system/app.service away from /etc (mv)");
	}

}
