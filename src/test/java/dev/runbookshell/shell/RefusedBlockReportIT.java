package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A block decided on but never started (the session was refused before it: a value nobody could give) is "not
 * run" in every report, as the session's own summary says: "unknown" would tell a reader it may have run.
 */
class RefusedBlockReportIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@TempDir
	Path dir;

	@Test
	void aBlockTheSessionEndedBeforeIsNotRunInTheReportsNotUnknown() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				---
				variables:
				  release: {prompt: "Release to deploy"}
				---
				# Refused

				```bash {name=first}
				echo first
				```

				```bash {name=deploy}
				echo deploying <release>
				```
				""");
		RunbookCli.Result run = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--log-dir", "logs");
		assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
		assertThat(run.stdout()).contains("1 not-run, 1 succeeded");
		String journal = RunbookCli.journal(this.dir.resolve("logs")).toString();

		RunbookCli.Result md = RunbookCli.run(this.dir, TIMEOUT, "report", journal);
		assertThat(md.stdout()).as(md.all()).contains("### 0.2 deploy: not-run", "1 succeeded, 1 not-run")
			.doesNotContain("unknown");

		RunbookCli.Result junit = RunbookCli.run(this.dir, TIMEOUT, "report", journal, "--format", "junit");
		assertThat(junit.stdout()).as(junit.all()).contains("skipped=\"1\"", "failures=\"0\"",
				"<skipped message=\"not run: decided on, and the session ended before it started\"");
	}

}
