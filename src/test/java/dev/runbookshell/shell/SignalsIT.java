package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SIGTERM and SIGHUP stop the running block, record the session's end, and exit 130. */
class SignalsIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "TERM", "HUP" })
	void aSignalStopsTheBlockRecordsTheSessionAsInterruptedAndExits130(String signal) throws Exception {
		String marker = "61." + ProcessHandle.current().pid() % 1000 + signal.length();
		Files.writeString(this.dir.resolve("plan.md"), """
				# Long

				```bash {name=long}
				echo "long block started"
				sleep %s
				```

				```bash {name=after}
				echo after > after.txt
				```
				""".formatted(marker));
		Process run = RunbookCli.start(this.dir, "run", "plan.md", "--yes", "--log-dir", "logs");
		FollowedOutputIT.awaitFile(this.dir.resolve(".stdout"), "long block started");
		FollowedOutputIT.signal(run, signal);

		RunbookCli.Result result = RunbookCli.waitFor(run, this.dir, TIMEOUT);

		assertThat(result.exitCode()).as(result.all()).isEqualTo(130);
		assertThat(result.stderr()).contains("terminated by SIG" + signal);
		List<String> journal = Files.readAllLines(RunbookCli.journal(this.dir.resolve("logs")));
		assertThat(journal).anyMatch(l -> l.contains("\"block-finished\"") && l.contains("\"interrupted\""));
		assertThat(journal.get(journal.size() - 1)).contains("\"session-finished\"").contains("\"interrupted\"");
		assertThat(this.dir.resolve("after.txt")).doesNotExist();
		assertThat(processesRunning("sleep " + marker)).isFalse();
	}

	private static boolean processesRunning(String commandLine) throws Exception {
		Process pgrep = new ProcessBuilder("pgrep", "-f", commandLine).start();
		try (var out = pgrep.getInputStream()) {
			String pids = new String(out.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(pgrep.waitFor(10, TimeUnit.SECONDS)).isTrue();
			return !pids.isBlank();
		}
	}

}
