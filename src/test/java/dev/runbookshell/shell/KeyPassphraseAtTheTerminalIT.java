package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.OpenSshServerExtension;

/**
 * An encrypted key's passphrase typed at a real terminal (tmux drives the built jar, no ssh-agent): asked once,
 * never echoed, and found nowhere afterwards: not on the screen, in the journal, the history or the debug log.
 */
class KeyPassphraseAtTheTerminalIT {

	@RegisterExtension
	static final OpenSshServerExtension SSHD = new OpenSshServerExtension();

	private static final String PASSPHRASE = "tr0ub4dor-and-3";

	@TempDir
	Path dir;

	@AfterEach
	void revoke() throws Exception {
		SSHD.revokeExtraKeys();
	}

	@Test
	void thePassphraseIsAskedHiddenAndLeavesNoTrace() throws Exception {
		Path key = this.dir.resolve("deploy_ed25519");
		OpenSshServerExtension.keygen(key, "ed25519", PASSPHRASE);
		SSHD.authorize(key);
		Files.writeString(this.dir.resolve("plan.md"), """
				---
				targets:
				  srv:
				    uri: "ssh://%s@127.0.0.1:%d"
				    known-hosts: "%s"
				    identity: "%s"
				---
				# Login with a key

				```bash {name=who}
				id -un > '%s/who.txt'
				```
				""".formatted(SSHD.user(), SSHD.port(), SSHD.knownHosts(), key, this.dir));
		Path home = Files.createDirectories(this.dir.resolve("home"));

		String command = "env -u SSH_AUTH_SOCK " + TmuxTerminal.runbook(home, "run plan.md --target srv");
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir, command)) {
			terminal.await("Passphrase for key " + key, Duration.ofSeconds(60));
			terminal.type(PASSPHRASE);
			terminal.await("[y] run", Duration.ofSeconds(30));
			terminal.type("y");
			terminal.await("EXIT=0", Duration.ofSeconds(30));
			assertThat(terminal.screen()).doesNotContain(PASSPHRASE).containsOnlyOnce("Passphrase for key");
		}

		assertThat(this.dir.resolve("who.txt")).hasContent(SSHD.user());
		try (Stream<Path> written = Files.walk(this.dir)) {
			for (Path file : written.filter(Files::isRegularFile).filter(f -> !f.equals(key)).toList()) {
				assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString())
					.doesNotContain(PASSPHRASE);
			}
		}
		assertThat(TmuxTerminal.finishedJournal(this.dir)).exists();
	}

}
