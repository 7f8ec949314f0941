package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.targets.TargetException.Reason;
import dev.runbookshell.testsupport.OpenSshServerExtension;

/**
 * Identity files against a real OpenSSH server: an encrypted key's passphrase asked as a secret (once, and only
 * when the server would take the key), a wrong or missing answer, and a missing IdentityFile. No ssh-agent.
 */
class SshIdentityFileIT {

	@RegisterExtension
	static final OpenSshServerExtension SSHD = new OpenSshServerExtension();

	@TempDir
	Path temp;

	@AfterEach
	void revoke() throws IOException {
		SSHD.revokeExtraKeys();
		Files.deleteIfExists(SSHD.home().resolve(".ssh/config"));
	}

	@Test
	void anEncryptedKeysPassphraseIsAskedOnceAsASecretAndLogsIn() throws Exception {
		Path key = encryptedKey("secret", true);
		RecordingPrompts prompts = RecordingPrompts.answering("secret");
		try (TargetSession session = open(key, prompts)) {
			CollectingSink sink = new CollectingSink();
			assertThat(session.execute(ExecRequest.of("who", "id -un"), sink).exitCode()).isZero();
			assertThat(sink.out()).isEqualTo(SSHD.user() + "\n");
		}
		assertThat(prompts.asked()).containsExactly("Passphrase for key " + key + ": ");
	}

	@Test
	void anEncryptedKeyWithoutItsPublicHalfBesideItIsAskedForBeforeOffering() throws Exception {
		Path key = encryptedKey("secret", true);
		Files.delete(Path.of(key + ".pub"));
		RecordingPrompts prompts = RecordingPrompts.answering("secret");
		open(key, prompts).close();
		assertThat(prompts.asked()).containsExactly("Passphrase for key " + key + ": ");
	}

	@Test
	void aWrongPassphraseThreeTimesIsAnAuthenticationFailureNamingTheKeyFile() throws Exception {
		Path key = encryptedKey("secret", true);
		RecordingPrompts prompts = RecordingPrompts.answering("not-the-secret");
		TargetException refused = catchThrowableOfType(TargetException.class, () -> open(key, prompts));
		assertThat(refused.reason()).isEqualTo(Reason.AUTH);
		assertThat(refused.getMessage()).contains(SSHD.user() + "@127.0.0.1:" + SSHD.port(),
				"key " + key + " (wrong passphrase, 3 tries)").doesNotContain("not-the-secret");
		assertThat(prompts.asked()).hasSize(3);
		assertThat(prompts.asked().get(1)).startsWith("Wrong passphrase, try again. Passphrase for key " + key);
	}

	@Test
	void aMistypedPassphraseIsAskedAgainAndTheRightOneLogsIn() throws Exception {
		Path key = encryptedKey("secret", true);
		RecordingPrompts prompts = RecordingPrompts.answering("secert", "secret");
		try (TargetSession session = open(key, prompts)) {
			CollectingSink sink = new CollectingSink();
			assertThat(session.execute(ExecRequest.of("who", "id -un"), sink).exitCode()).isZero();
		}
		assertThat(prompts.asked()).hasSize(2);
	}

	@Test
	void anEncryptedKeyUnattendedIsAClearAuthenticationFailureWithoutWaiting() throws Exception {
		Path key = encryptedKey("secret", true);
		TargetException refused = assertTimeoutPreemptively(Duration.ofSeconds(20),
				() -> catchThrowableOfType(TargetException.class, () -> open(key, TargetPrompts.unattended(true))));
		assertThat(refused.reason()).isEqualTo(Reason.AUTH);
		assertThat(refused.getMessage()).contains("key " + key + " (encrypted, and nobody to type its passphrase)");
	}

	@Test
	void thePassphraseOfAKeyTheServerWouldRefuseIsNeverAsked() throws Exception {
		Path key = encryptedKey("secret", false);
		RecordingPrompts prompts = RecordingPrompts.answering("secret");
		TargetException refused = catchThrowableOfType(TargetException.class, () -> open(key, prompts));
		assertThat(refused.reason()).isEqualTo(Reason.AUTH);
		assertThat(refused.getMessage()).contains("key " + key + " (refused)");
		assertThat(prompts.asked()).isEmpty();
	}

	@Test
	void noPasswordIsAskedOfTheOperatorWhenTheServerTakesNone() throws Exception {
		Path stranger = this.temp.resolve("stranger");
		OpenSshServerExtension.keygen(stranger);
		RecordingPrompts prompts = RecordingPrompts.answering("whatever");
		TargetException refused = catchThrowableOfType(TargetException.class, () -> open(stranger, prompts));
		assertThat(refused.getMessage()).contains("password (the server takes no passwords)");
		assertThat(prompts.asked()).isEmpty();
	}

	@Test
	void anIdentityFileInSshConfigThatIsMissingIsNamedInTheOneLineFailure() throws Exception {
		Path missing = this.temp.resolve("no-such-dir/id_ed25519");
		Path config = SSHD.home().resolve(".ssh/config");
		Files.writeString(config, """
				Host staging
				  HostName 127.0.0.1
				  Port %d
				  IdentityFile %s
				""".formatted(SSHD.port(), missing));
		Target target = new TargetFactory(name -> null, SSHD.home()).create(new TargetDefinition("staging",
				"ssh://staging", Map.of("known-hosts", SSHD.knownHosts().toString())));
		TargetException refused = catchThrowableOfType(TargetException.class,
				() -> target.open(TargetPrompts.refusing()));
		assertThat(refused.reason()).isEqualTo(Reason.AUTH);
		assertThat(refused.getMessage()).contains("key " + missing + " (no such file, named by IdentityFile in "
				+ config + ")").doesNotContain("\n");
	}

	/** A new key pair encrypted with {@code passphrase}, in authorized_keys when {@code authorized}. */
	private Path encryptedKey(String passphrase, boolean authorized) throws Exception {
		Path key = this.temp.resolve("encrypted_ed25519");
		OpenSshServerExtension.keygen(key, "ed25519", passphrase);
		if (authorized) {
			SSHD.authorize(key);
		}
		return key;
	}

	private static TargetSession open(Path identity, TargetPrompts prompts) throws TargetException {
		Map<String, String> options = new HashMap<>(SSHD.options());
		options.put("identity", identity.toString());
		return new TargetFactory(name -> null, SSHD.home()).create(new TargetDefinition("ssh", SSHD.uri(), options))
			.open(prompts);
	}

}
