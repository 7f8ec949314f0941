package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.Poll;

/** A block that follows output shows that it runs and how to stop it, and stopping it is not a failure. */
class FollowedOutputIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private static final String PLAN = """
			# Watch

			## Start

			```bash {name=follow}
			echo "watching the log"
			tail -f /dev/null
			```

			## After

			```bash {name=after}
			echo after-ran > after.txt
			```
			""";

	@TempDir
	Path dir;

	@Test
	void atATerminalItShowsItsElapsedTimeAndCtrlCStopsItAndTheSessionGoesOn() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), PLAN);
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir,
				TmuxTerminal.runbook(this.dir, "run plan.md --log-dir logs"))) {
			terminal.await("[y] run", TIMEOUT);
			terminal.type("a");
			terminal.await("1.1 follow follows output until it is stopped: Ctrl-C ends it", TIMEOUT);
			terminal.await("... 1.1 follow still running (", TIMEOUT);
			terminal.keys("C-c");
			String screen = terminal.await("EXIT=", TIMEOUT);

			assertThat(screen).contains("<== 1.1 follow stopped").contains("stopped by the operator after ")
				.contains("<== 2.1 after succeeded").contains("EXIT=0").doesNotContain("[r] retry");
		}
		assertThat(this.dir.resolve("after.txt")).exists();
		assertThat(Files.readString(RunbookCli.journal(this.dir.resolve("logs")))).contains("\"status\":\"stopped\"");
	}

	@Test
	void unattendedItEndsAtItsTimeoutAsStoppedAndTheNextBlockRuns() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), PLAN.replace("{name=follow}", "{name=follow timeout=2s}"));

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--log-dir", "logs");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).contains("<== 1.1 follow stopped").contains("stopped at its timeout after 2 s")
			.contains("<== 2.1 after succeeded").contains("Session succeeded");
	}

	@Test
	void unattendedCtrlCEndsTheFollowingAndTheSessionGoesOn() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), PLAN);
		Process run = RunbookCli.start(this.dir, "run", "plan.md", "--yes", "--log-dir", "logs");
		awaitFile(this.dir.resolve(".stdout"), "watching the log");
		signal(run, "INT");

		RunbookCli.Result result = RunbookCli.waitFor(run, this.dir, TIMEOUT);

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).contains("stopped by the operator after").contains("<== 2.1 after succeeded");
	}

	static void signal(Process process, String name) throws Exception {
		Process kill = new ProcessBuilder(List.of("kill", "-" + name, Long.toString(process.pid()))).start();
		assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
	}

	static void awaitFile(Path file, String text) throws Exception {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.exists(file) && Files.readString(file).contains(text)) {
				return;
			}
			Thread.sleep(Poll.MILLIS);
		}
		throw new AssertionError(file + " has no '" + text + "' after " + TIMEOUT);
	}

}
