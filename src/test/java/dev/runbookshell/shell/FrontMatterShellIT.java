package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front matter's {@code shell} is the shell blocks run in (it was read, and followed by the Ansible export,
 * but a run started bash anyway); a target that names its own shell keeps it.
 */
class FrontMatterShellIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private static final String PLAN = """
			---
			shell: sh
			targets:
			  plain: local
			  bashful: {uri: local, shell: bash}
			---
			# Which shell

			```bash
			if [ -n "$BASH_VERSION" ]; then echo "in bash"; else echo "in plain sh"; fi
			```
			""";

	@TempDir
	Path dir;

	@Test
	void blocksRunInTheShellTheFrontMatterNames() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), PLAN);

		RunbookCli.Result run = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--target", "plain", "--yes");

		assertThat(run.exitCode()).as(run.all()).isZero();
		assertThat(run.stdout()).contains("in plain sh").doesNotContain("in bash");
	}

	@Test
	void aTargetsOwnShellWinsOverTheFrontMatters() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), PLAN);

		RunbookCli.Result run = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--target", "bashful", "--yes");

		assertThat(run.exitCode()).as(run.all()).isZero();
		assertThat(run.stdout()).contains("in bash").doesNotContain("in plain sh");
	}

}
