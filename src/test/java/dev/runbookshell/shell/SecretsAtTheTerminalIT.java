package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets in the interactive shell at a real terminal (tmux drives the built jar): a variable named like a secret
 * is asked hidden and masked, and the history file never holds a secret value.
 */
class SecretsAtTheTerminalIT {

	@TempDir
	Path dir;

	private TmuxTerminal terminal;

	@AfterEach
	void closeTerminal() throws Exception {
		if (this.terminal != null) {
			this.terminal.close();
		}
	}

	@Test
	void aTokenIsAskedHiddenMaskedAndNeitherItNorASetPasswordReachesTheHistoryWhichIsOwnerOnly() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Deploy

				```bash {name=login}
				printf '%s' "$API_TOKEN" > token.txt
				echo "using token $API_TOKEN"
				```
				""");
		Path history = this.dir.resolve(".runbook-shell/history");
		Files.createDirectories(history.getParent());
		Files.writeString(history, "1700000000000:set DB_PASSWORD old-pw-from-before\n");
		Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-r--r--"));

		this.terminal = TmuxTerminal.start(this.dir, TmuxTerminal.runbook(this.dir, ""));
		this.terminal.await("Ctrl-D to leave", Duration.ofSeconds(60));
		this.terminal.type("open plan.md");
		this.terminal.type("next");
		this.terminal.await("[y] run", Duration.ofSeconds(30));
		this.terminal.type("y");
		this.terminal.await("value for $API_TOKEN (hidden):", Duration.ofSeconds(10));
		this.terminal.type("tok-4711-s3cret");
		this.terminal.await("<== 0.1 login succeeded", Duration.ofSeconds(30));
		this.terminal.type("note rotated tok-4711-s3cret after the deploy");
		this.terminal.await("noted", Duration.ofSeconds(10));
		this.terminal.type("set DB_PASSWORD pw-typed-now");
		this.terminal.await("DB_PASSWORD = ****", Duration.ofSeconds(10));
		this.terminal.type("exit");
		this.terminal.await("EXIT=0", Duration.ofSeconds(30));

		String screen = this.terminal.screen();
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

}
