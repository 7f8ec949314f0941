package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.OpenSshServerExtension;
import dev.runbookshell.testsupport.SshAgentProcess;

/**
 * How the built jar logs in over SSH as an operator would set it up: a key held by ssh-agent (SSH_AUTH_SOCK) and
 * nothing configured, and a ~/.ssh/config naming a key file that is not there.
 */
class RunOverSshAuthenticationIT {

	@RegisterExtension
	static final OpenSshServerExtension SSHD = new OpenSshServerExtension();

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	@AfterEach
	void revoke() throws Exception {
		SSHD.revokeExtraKeys();
	}

	/** A plan whose one block runs on the sshd as target {@code srv} (reached as {@code host}). */
	private Path plan(String host) throws Exception {
		Path plan = this.dir.resolve("plan.md");
		Files.writeString(plan, """
				---
				title: Login
				targets:
				  srv:
				    uri: "ssh://%s"
				    known-hosts: "%s"
				---
				# Login

				```bash {name=mark}
				id -un > '%s/who.txt'
				```
				""".formatted(host, SSHD.knownHosts(), this.dir));
		return plan;
	}

	@Test
	void aKeyHeldByTheAgentCarriesTheRunWithNoIdentityConfigured() throws Exception {
		Path home = Files.createDirectories(this.dir.resolve("home"));
		Path key = this.dir.resolve("agent_ed25519");
		OpenSshServerExtension.keygen(key);
		SSHD.authorize(key);
		try (SshAgentProcess agent = SshAgentProcess.start(this.dir.resolve("agent.sock"))) {
			agent.add(key);
			Files.delete(key);
			Process run = RunbookCli.start(this.dir, home, Map.of("SSH_AUTH_SOCK", agent.socket().toString()), "run",
					plan(SSHD.user() + "@127.0.0.1:" + SSHD.port()).toString(), "--target", "srv", "--yes");
			RunbookCli.Result result = RunbookCli.waitFor(run, this.dir, TIMEOUT);

			assertThat(result.exitCode()).as(result.all()).isZero();
			assertThat(this.dir.resolve("who.txt")).hasContent(SSHD.user());
		}
	}

	@Test
	void aMissingIdentityFileInSshConfigEndsTheRunWithOneLineNamingItAndExitThree() throws Exception {
		Path home = Files.createDirectories(this.dir.resolve("home/.ssh")).getParent();
		Path missing = home.resolve(".ssh/id_deploy");
		Files.writeString(home.resolve(".ssh/config"), """
				Host staging
				  HostName 127.0.0.1
				  Port %d
				  IdentityFile ~/.ssh/id_deploy
				""".formatted(SSHD.port()));
		Process run = RunbookCli.start(this.dir, home, Map.of("SSH_AUTH_SOCK", ""), "run",
				plan("staging").toString(), "--target", "srv", "--yes");
		RunbookCli.Result result = RunbookCli.waitFor(run, this.dir, TIMEOUT);

		assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
		assertThat(result.stderr().strip()).doesNotContain("\n")
			.contains("127.0.0.1:" + SSHD.port())
			.contains("key " + missing + " (no such file, named by IdentityFile in " + home.resolve(".ssh/config"));
		assertThat(result.all()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(this.dir.resolve("who.txt")).doesNotExist();
	}

}
