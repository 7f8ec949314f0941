package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resume restores the shell (issue 10, point 3): after kill -9 of the tool, the resumed run's shell has the
 * working directory, the exported variables and the functions the earlier blocks left, says so in one line, and
 * never finds a secret in the journal to restore.
 */
class ResumeRestoresShellIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@TempDir
	Path dir;

	@Test
	void aFunctionAndAnExportOfBlockOneWorkInBlockTwoAfterAResume() throws Exception {
		Files.createDirectories(this.dir.resolve("work"));
		Files.writeString(this.dir.resolve("token.txt"), "tok-31415-secret");
		Files.writeString(this.dir.resolve("plan.md"), """
				# Restore

				## One

				```bash {name=prepare}
				cd work
				export STAMP=20250101
				export API_TOKEN="$(cat ../token.txt)"
				stamp_it() { echo "stamp=$STAMP in $(basename "$PWD")"; }
				```

				## Two

				```bash {name=use}
				if [ -f ../go.flag ]; then stamp_it > out.txt; else sleep 60; fi
				```
				""");
		Process first = RunbookCli.start(this.dir, "run", "plan.md", "--yes", "--log-dir", "logs");
		Path journal = CrashRounds.awaitJournalLine(this.dir.resolve("logs"), "\"block-started\"", "\"use\"",
				Duration.ofSeconds(60));
		first.destroyForcibly();
		assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
		Files.writeString(this.dir.resolve("go.flag"), "");

		RunbookCli.Result resumed = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--resume",
				journal.toString(), "--rerun-unknown");

		assertThat(resumed.exitCode()).as(resumed.all()).isZero();
		assertThat(this.dir.resolve("work/out.txt")).hasContent("stamp=20250101 in work");
		assertThat(resumed.stdout()).containsOnlyOnce("restored the shell of")
			.contains("cwd " + this.dir.resolve("work"), "exported variable (STAMP)", "function (stamp_it)",
					"not restored: API_TOKEN (secret)");
		assertThat(RunbookCli.filesContaining(this.dir.resolve("logs"), "tok-31415-secret")).isEmpty();
	}

}
