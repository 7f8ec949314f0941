package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.OpenSshServerExtension;

/**
 * A host that known_hosts knows by its ed25519 key now offers only an RSA key (a real sshd whose one HostKey is
 * RSA): never treated as a new host. Unattended it is refused, --accept-new-host-key or not; at a terminal it is
 * a warning naming both fingerprints, refused unless the operator says yes.
 */
class HostKeyTypeChangeIT {

	@RegisterExtension
	static final OpenSshServerExtension SSHD = new OpenSshServerExtension().withHostKeyType("rsa");

	@TempDir
	Path dir;

	private Path knownHosts;

	private String knownLine;

	private String knownFingerprint;

	@BeforeEach
	void knownHostsHoldsAnEd25519KeyForTheServer() throws Exception {
		Path oldKey = this.dir.resolve("old_host_ed25519");
		OpenSshServerExtension.keygen(oldKey);
		this.knownFingerprint = OpenSshServerExtension.fingerprintOf(oldKey);
		String[] fields = Files.readString(Path.of(oldKey + ".pub")).strip().split("\\s+");
		this.knownLine = "[127.0.0.1]:" + SSHD.port() + " " + fields[0] + " " + fields[1] + "\n";
		this.knownHosts = this.dir.resolve("known_hosts");
		Files.writeString(this.knownHosts, this.knownLine);
		Files.writeString(this.dir.resolve("plan.md"), """
				# Re-keyed

				```bash {name=mark}
				echo ran > '%s/ran.txt'
				```
				""".formatted(this.dir));
	}

	@Test
	void unattendedEvenWithAcceptNewHostKeyItIsRefusedInOneLineNamingBothFingerprints() throws Exception {
		RunbookCli.Result result = RunbookCli.run(this.dir, Duration.ofSeconds(60), "run", "plan.md", "--target",
				target(), "--yes", "--accept-new-host-key", "--log-dir", "logs");

		assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
		assertThat(result.stderr().strip()).doesNotContain("\n")
			.contains("[127.0.0.1]:" + SSHD.port())
			.contains("ssh-ed25519 " + this.knownFingerprint)
			.contains("ssh-rsa " + SSHD.hostKeyFingerprint());
		assertThat(this.knownHosts).hasContent(this.knownLine.strip());
		assertThat(this.dir.resolve("ran.txt")).doesNotExist();
	}

	@Test
	void atATerminalItIsAWarningWithBothFingerprintsAndPressingEnterRefuses() throws Exception {
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir, command())) {
			String warning = terminal.await("[y/N]", Duration.ofSeconds(60));
			assertThat(warning).contains("WARNING").contains(this.knownFingerprint).contains(SSHD.hostKeyFingerprint())
				.doesNotContain("is not in known_hosts");

			terminal.type("");
			assertThat(terminal.await("EXIT=", Duration.ofSeconds(30))).contains("EXIT=3");
		}
		assertThat(this.knownHosts).hasContent(this.knownLine.strip());
		assertThat(this.dir.resolve("ran.txt")).doesNotExist();
	}

	@Test
	void atATerminalTheOperatorMayTrustTheNewKeyWhichIsAddedBesideTheOldOne() throws Exception {
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir, command())) {
			terminal.await("[y/N]", Duration.ofSeconds(60));
			terminal.type("y");
			terminal.await("[y] run", Duration.ofSeconds(30));
			terminal.type("y");
			assertThat(terminal.await("EXIT=", Duration.ofSeconds(30))).contains("EXIT=0");
		}
		assertThat(this.dir.resolve("ran.txt")).hasContent("ran");
		assertThat(Files.readString(this.knownHosts)).startsWith(this.knownLine).contains(SSHD.hostPublicKey());
	}

	private String command() {
		return "java -jar " + RunbookCli.JAR + " run plan.md --target '" + target() + "' --log-dir logs; echo EXIT=$?; "
				+ "sleep 30";
	}

	private String target() {
		return SSHD.uri() + "?identity=" + encode(SSHD.clientKey()) + "&known-hosts=" + encode(this.knownHosts);
	}

	private static String encode(Path path) {
		return URLEncoder.encode(path.toString(), StandardCharsets.UTF_8);
	}

}
