package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A block whose outcome is unknown is not run again unattended unless told so; at a terminal the operator is asked. */
class UnknownOutcomeIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	private Path journal;

	/** A run killed (SIGKILL) while block 2.1 runs: its outcome is unknown. */
	@BeforeEach
	void crashWhileTheSecondBlockRuns() throws Exception {
		this.journal = ResumeAfterCrashIT.crashWhileTheSecondBlockRuns(this.dir);
	}

	@Test
	void resumeWithYesStopsBeforeItWithOneLineNamingTheBlockAndTheFlag() throws Exception {
		RunbookCli.Result resumed = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--resume",
				this.journal.toString());

		assertThat(resumed.exitCode()).as(resumed.all()).isEqualTo(1);
		assertThat(resumed.stderr().strip()).startsWith("error: stopped before 2.1 slow:").contains("--rerun-unknown")
			.doesNotContain("\n");
		assertThat(resumed.all().split("its effect is unknown", -1)).hasSize(2);
		assertThat(slowStarts()).isEqualTo(1);
		assertThat(this.dir.resolve("last.txt")).doesNotExist();
	}

	@Test
	void rerunUnknownRunsItAgainAndFinishes() throws Exception {
		RunbookCli.Result resumed = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--resume",
				this.journal.toString(), "--rerun-unknown");

		assertThat(resumed.exitCode()).as(resumed.all()).isZero();
		assertThat(slowStarts()).isEqualTo(2);
		assertThat(this.dir.resolve("last.txt")).exists();
	}

	@Test
	void answersOnUnknownSkipGoOnWithoutRunningItAgainAndTheRunStillCountsAsFailed() throws Exception {
		Files.writeString(this.dir.resolve("answers.yaml"), "on-unknown: skip\n");

		RunbookCli.Result resumed = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--answers", "answers.yaml",
				"--resume", this.journal.toString());

		assertThat(resumed.exitCode()).as(resumed.all()).isEqualTo(1);
		assertThat(slowStarts()).isEqualTo(1);
		assertThat(this.dir.resolve("last.txt")).exists();
	}

	@Test
	void atATerminalTheOperatorIsAsked() throws Exception {
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir, TmuxTerminal.runbook(this.dir, "run plan.md --resume "
				+ this.journal))) {
			terminal.await("2.1 slow may have run already (its outcome is unknown)", TIMEOUT);
			terminal.await("[y] run", TIMEOUT);
			terminal.type("s");
			terminal.await("[y] run", TIMEOUT);
			terminal.type("y");
			terminal.await("EXIT=", TIMEOUT);
		}
		assertThat(slowStarts()).isEqualTo(1);
		assertThat(this.dir.resolve("last.txt")).exists();
	}

	/** How many times block 2.1 started: it writes a line each time. */
	private long slowStarts() throws Exception {
		return Files.readString(this.dir.resolve("slow.txt")).lines().count();
	}

}
