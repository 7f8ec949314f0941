package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets in the interactive shell at a real terminal (tmux drives the built jar): a variable named like a secret
 * is asked hidden and masked, and the history file never holds a secret value.
 */
class SecretsAtTheTerminalIT {

	/** Writes the token it is given to token.txt and echoes it (masked on the screen). */
	private static final String PLAN = """
			# Deploy

			```bash {name=login}
			printf '%s' "$API_TOKEN" > token.txt
			echo "using token $API_TOKEN"
			```
			""";

	@TempDir
	Path dir;

	@Test
	void aTokenIsAskedHiddenMaskedAndNeitherItNorASetPasswordReachesTheHistoryWhichIsOwnerOnly() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), PLAN);
		Path history = this.dir.resolve(".runbook-shell/history");
		Files.createDirectories(history.getParent());
		Files.writeString(history, "1700000000000:set DB_PASSWORD old-pw-from-before\n");
		Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-r--r--"));

		String screen;
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir, TmuxTerminal.runbook(this.dir, ""))) {
			terminal.await("Ctrl-D to leave", Duration.ofSeconds(60));
			terminal.type("open plan.md");
			terminal.type("next");
			// values are asked before the block's prompt, which then shows the text that will run
			terminal.await("value for $API_TOKEN (hidden):", Duration.ofSeconds(30));
			terminal.type("tok-4711-s3cret");
			terminal.await("[y] run", Duration.ofSeconds(10));
			terminal.type("y");
			terminal.await("<== 0.1 login succeeded", Duration.ofSeconds(30));
			terminal.type("note rotated tok-4711-s3cret after the deploy");
			terminal.await("noted", Duration.ofSeconds(10));
			terminal.type("set DB_PASSWORD pw-typed-now");
			terminal.await("DB_PASSWORD = ****", Duration.ofSeconds(10));
			terminal.type("exit");
			terminal.await("EXIT=0", Duration.ofSeconds(30));
			screen = terminal.screen();
		}

		assertThat(screen).contains("using token ****");
		assertThat(screen.lines().filter(line -> line.contains("(hidden):"))).singleElement()
			.asString()
			.doesNotContain("tok-4711");
		assertThat(Files.readString(this.dir.resolve("token.txt"))).isEqualTo("tok-4711-s3cret");
		assertThat(Files.readString(TmuxTerminal.finishedJournal(this.dir))).doesNotContain("tok-4711-s3cret",
				"pw-typed-now");
		assertThat(Files.readString(history)).contains("open plan.md", "note rotated **** after the deploy",
				"set DB_PASSWORD ****").doesNotContain("tok-4711-s3cret", "pw-typed-now", "old-pw-from-before");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
	}

	@Test
	void aSecretGivenWithVarToARunTypedAtThePromptIsMaskedInTheHistory() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), PLAN);
		Path history = this.dir.resolve(".runbook-shell/history");

		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir, TmuxTerminal.runbook(this.dir, ""))) {
			terminal.await("Ctrl-D to leave", Duration.ofSeconds(60));
			terminal.type("run plan.md --yes --var API_TOKEN=tok-0815-s3cret --var STAGE=blue --log-dir logs");
			terminal.await("Session succeeded", Duration.ofSeconds(60));
			terminal.type("exit");
			terminal.await("EXIT=0", Duration.ofSeconds(30));
		}

		assertThat(Files.readString(this.dir.resolve("token.txt"))).isEqualTo("tok-0815-s3cret");
		assertThat(Files.readString(history)).contains("--var API_TOKEN=**** --var STAGE=blue")
			.doesNotContain("tok-0815-s3cret");
	}

}
