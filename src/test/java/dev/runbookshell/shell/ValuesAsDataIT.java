package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value given for a placeholder or an {@code export NAME=} line reaches the block as data, shown as it runs. */
class ValuesAsDataIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String INJECTION = "x; touch pwned";

	@TempDir
	Path dir;

	@Test
	void aHostileValueIsDataInsideBashCEvalAndBothKindsOfHereDocument() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Values

				```bash {name=nested}
				bash -c 'printf "%s\\n" <name>' > nested.txt
				eval "printf '%s\\n' <name>" > evaluated.txt
				```

				```bash {name=heredocs}
				cat <<EOF > unquoted.txt
				<name>
				EOF
				cat <<'EOF' > quoted.txt
				<name>
				EOF
				```
				""");

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--var",
				"name=" + INJECTION, "--log-dir", "logs");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(this.dir.resolve("pwned")).doesNotExist();
		for (String file : new String[] { "nested.txt", "evaluated.txt", "unquoted.txt", "quoted.txt" }) {
			assertThat(this.dir.resolve(file)).as(file).hasContent(INJECTION);
		}
		// the journal holds the text that ran, value in place
		assertThat(Files.readString(RunbookCli.journal(this.dir.resolve("logs"))))
			.contains("eval \\\"printf '%s\\\\n' 'x; touch pwned'\\\"");
	}

	@Test
	void theOperatorTypesTheValueFirstAndDecidesOnTheTextThatRuns() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Values

				```bash {name=nested}
				bash -c 'printf "%s\\n" <name>' > nested.txt
				```

				```bash {name=size}
				export SIZE=
				echo "size is $SIZE"
				```
				""");
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir,
				TmuxTerminal.runbook(this.dir, "run plan.md --log-dir logs"))) {
			terminal.await("value for <name>", TIMEOUT);
			terminal.type(INJECTION);
			String screen = terminal.await("[y] run", TIMEOUT);
			assertThat(screen).contains("bash -c 'printf \"%s\\n\" '\\''x; touch pwned'\\''' > nested.txt");
			terminal.type("y");
			terminal.await("value for SIZE", TIMEOUT);
			terminal.type("10 GB");
			screen = terminal.await("export SIZE='10 GB'", TIMEOUT);
			terminal.type("y");
			screen = terminal.await("EXIT=", TIMEOUT);

			assertThat(screen).contains("size is 10 GB").contains("EXIT=0");
		}
		assertThat(this.dir.resolve("nested.txt")).hasContent(INJECTION);
		assertThat(this.dir.resolve("pwned")).doesNotExist();
	}

	@Test
	void unattendedAnEmptyExportNeedsAValueAndNamesTheOption() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Values

				```bash {name=size}
				export SIZE=
				echo "size is $SIZE"
				```
				""");

		RunbookCli.Result refused = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--log-dir", "logs");
		RunbookCli.Result given = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--var", "SIZE=7",
				"--log-dir", "logs");

		assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
		assertThat(refused.stderr()).contains("--var SIZE=VALUE");
		assertThat(refused.stdout()).doesNotContain("size is");
		assertThat(given.exitCode()).as(given.all()).isZero();
		assertThat(given.stdout()).contains("size is 7");
	}

}
