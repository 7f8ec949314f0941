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

/** The JVM is killed (SIGKILL) while a block runs; {@code --resume} finishes the run and loses nothing. */
class ResumeAfterCrashIT {

	@TempDir
	Path dir;

	@Test
	void resumeRecordsTheInFlightBlockAsUnknownAndFinishesWithoutRerunningDoneBlocks() throws Exception {
		Path journal = crashWhileTheSecondBlockRuns(this.dir);

		RunbookCli.Result resumed = RunbookCli.run(this.dir, Duration.ofSeconds(60), "run", "plan.md", "--yes",
				"--resume", journal.toString(), "--rerun-unknown");

		assertThat(resumed.exitCode()).as(resumed.all()).isZero();
		assertThat(this.dir.resolve("first.txt")).hasContent("run");
		assertThat(this.dir.resolve("last.txt")).hasContent("done");
		List<String> lines = Files.readAllLines(journal);
		assertThat(lines).anyMatch(l -> l.contains("\"session-resumed\"") && l.contains("\"2.1\""));
		assertThat(lines).anyMatch(l -> l.contains("\"block-finished\"") && l.contains("\"unknown\""));
		assertThat(lines.stream().filter(l -> l.contains("\"block-started\"") && l.contains("\"first\"")))
			.hasSize(1);
		assertThat(lines.get(lines.size() - 1)).contains("\"session-finished\"").contains("succeeded");
	}

	/**
	 * Runs a three-block plan in {@code dir} with {@code --yes} and kills the JVM (SIGKILL: no shutdown hook, no
	 * session-finished) while block 2.1 runs; then lets 2.1 end at once when it runs again. Each start of 2.1 adds a
	 * line to slow.txt.
	 * @return the journal of the killed run
	 */
	static Path crashWhileTheSecondBlockRuns(Path dir) throws Exception {
		Files.writeString(dir.resolve("plan.md"), """
				# Crash

				## One

				```bash {name=first}
				echo run >> first.txt
				```

				## Two

				```bash {name=slow}
				echo started >> slow.txt
				if [ -f resumed.flag ]; then echo quick; else sleep 30; fi
				```

				## Three

				```bash {name=last}
				echo done > last.txt
				```
				""");
		Process first = RunbookCli.start(dir, "run", "plan.md", "--yes", "--log-dir", "logs");
		Path journal = awaitBlockStarted(dir.resolve("logs"), "slow", Duration.ofSeconds(30));
		FollowedOutputIT.awaitFile(dir.resolve("slow.txt"), "started");
		first.destroyForcibly();
		assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
		Files.writeString(dir.resolve("resumed.flag"), "");
		return journal;
	}

	private static Path awaitBlockStarted(Path logs, String name, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.isDirectory(logs)) {
				try (var files = Files.list(logs)) {
					for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
						if (Files.readAllLines(file).stream()
							.anyMatch(l -> l.contains("\"block-started\"") && l.contains("\"" + name + "\""))) {
							return file;
						}
					}
				}
			}
			Thread.sleep(Poll.MILLIS);
		}
		throw new AssertionError("no block-started for " + name + " in " + logs + " within " + timeout);
	}

}
