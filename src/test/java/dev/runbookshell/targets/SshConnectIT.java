package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.targets.ExecResult.Outcome;
import dev.runbookshell.targets.TargetException.Reason;
import dev.runbookshell.testsupport.OpenSshServerExtension;

/** Connecting to a real OpenSSH server: host keys, authentication, ~/.ssh/config, ProxyJump, lost connections. */
class SshConnectIT {

	@RegisterExtension
	static final OpenSshServerExtension SSHD = new OpenSshServerExtension();

	@RegisterExtension
	static final OpenSshServerExtension JUMP = new OpenSshServerExtension();

	@RegisterExtension
	static final OpenSshServerExtension NO_FORWARDING_JUMP = new OpenSshServerExtension("AllowTcpForwarding no");

	@TempDir
	Path temp;

	@Test
	void anUnknownHostKeyIsRefusedUnattendedWithItsFingerprintAndTheFlagThatAcceptsIt() throws Exception {
		Path knownHosts = this.temp.resolve("known_hosts");
		TargetException refused = catchThrowableOfType(TargetException.class,
				() -> open(Map.of("known-hosts", knownHosts.toString()), TargetPrompts.refusing()));
		assertThat(refused.reason()).isEqualTo(Reason.HOST_KEY);
		assertThat(refused.getMessage()).contains("[127.0.0.1]:" + SSHD.port(), "ssh-ed25519",
				SSHD.hostKeyFingerprint(), "--accept-new-host-key");
		assertThat(knownHosts).doesNotExist();
	}

	@Test
	void anUnknownHostKeyAcceptedByTheOperatorIsAddedToKnownHosts() throws Exception {
		Path knownHosts = this.temp.resolve("known_hosts");
		Map<String, String> asked = new HashMap<>();
		TargetPrompts accepting = new TargetPrompts() {
			@Override
			public boolean acceptUnknownHostKey(String host, String keyType, String fingerprint) {
				asked.put(host, keyType + " " + fingerprint);
				return true;
			}

			@Override
			public char[] readSecret(String prompt) {
				return null;
			}
		};
		try (TargetSession session = open(Map.of("known-hosts", knownHosts.toString()), accepting)) {
			assertThat(session.fingerprint()).isEqualTo(SSHD.hostKeyFingerprint());
		}
		assertThat(asked).containsEntry("[127.0.0.1]:" + SSHD.port(), "ssh-ed25519 " + SSHD.hostKeyFingerprint());
		assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + SSHD.port(), SSHD.hostPublicKey());
		open(Map.of("known-hosts", knownHosts.toString()), TargetPrompts.refusing()).close();
	}

	@Test
	void acceptNewHostKeyAcceptsUnattended() throws Exception {
		Path knownHosts = this.temp.resolve("known_hosts");
		open(Map.of("known-hosts", knownHosts.toString(), "accept-new-host-key", "true"), TargetPrompts.refusing())
			.close();
		assertThat(Files.readString(knownHosts)).contains(SSHD.hostPublicKey());
	}

	@Test
	void aChangedHostKeyIsAlwaysRefusedNamingBothFingerprints() throws Exception {
		Path otherKey = this.temp.resolve("other_ed25519");
		OpenSshServerExtension.keygen(otherKey);
		String otherPublic = Files.readString(Path.of(otherKey + ".pub")).strip().replace(" runbook-test", "");
		Path knownHosts = this.temp.resolve("known_hosts");
		SSHD.writeKnownHosts(knownHosts, otherPublic);
		TargetException refused = catchThrowableOfType(TargetException.class, () -> open(
				Map.of("known-hosts", knownHosts.toString(), "accept-new-host-key", "true"), TargetPrompts.refusing()));
		assertThat(refused.reason()).isEqualTo(Reason.HOST_KEY);
		assertThat(refused.getMessage()).contains("CHANGED", SSHD.hostKeyFingerprint(),
				OpenSshServerExtension.fingerprintOf(otherKey));
	}

	@Test
	void aKeyTheServerDoesNotKnowIsAnAuthenticationFailure() throws Exception {
		Path wrongKey = this.temp.resolve("wrong_ed25519");
		OpenSshServerExtension.keygen(wrongKey);
		TargetException refused = catchThrowableOfType(TargetException.class,
				() -> open(Map.of("identity", wrongKey.toString()), TargetPrompts.refusing()));
		assertThat(refused.reason()).isEqualTo(Reason.AUTH);
		assertThat(refused.getMessage()).contains(SSHD.user() + "@127.0.0.1:" + SSHD.port(), wrongKey.toString());
	}

	@Test
	void aPasswordVariableThatIsNotSetIsAnAuthenticationFailureNamingIt() {
		TargetException refused = catchThrowableOfType(TargetException.class, () -> open(
				Map.of("identity", "/nonexistent", "password-var", "RB_TEST_NO_SUCH_VAR"), TargetPrompts.refusing()));
		assertThat(refused.reason()).isEqualTo(Reason.AUTH);
		assertThat(refused.getMessage()).contains("RB_TEST_NO_SUCH_VAR");
	}

	@Test
	void anSshConfigAliasSuppliesHostPortUserAndIdentity() throws Exception {
		Files.writeString(SSHD.home().resolve(".ssh/config"), """
				Host staging-db
				  HostName 127.0.0.1
				  Port %d
				  User %s
				  IdentityFile %s
				""".formatted(SSHD.port(), SSHD.user(), SSHD.clientKey()));
		try {
			Target target = new TargetFactory(System::getenv, SSHD.home()).create(
					new TargetDefinition("staging", "ssh://staging-db", Map.of("known-hosts", SSHD.knownHosts().toString())));
			try (TargetSession session = target.open(TargetPrompts.refusing())) {
				assertThat(session.execute(ExecRequest.of("who", "id -un"), new CollectingSink()).exitCode()).isZero();
			}
		}
		finally {
			Files.delete(SSHD.home().resolve(".ssh/config"));
		}
	}

	@Test
	void proxyJumpReachesTheTargetThroughTheJumpHost() throws Exception {
		Path knownHosts = this.temp.resolve("known_hosts");
		Files.writeString(knownHosts, "[127.0.0.1]:" + SSHD.port() + " " + SSHD.hostPublicKey() + "\n[127.0.0.1]:"
				+ JUMP.port() + " " + JUMP.hostPublicKey() + "\n");
		Path keys = this.temp.resolve("keys");
		Files.createDirectories(keys);
		String identities = SSHD.clientKey() + "," + JUMP.clientKey();
		try (TargetSession session = open(Map.of("known-hosts", knownHosts.toString(), "identity", identities,
				"proxy-jump", JUMP.user() + "@127.0.0.1:" + JUMP.port()), TargetPrompts.refusing())) {
			CollectingSink sink = new CollectingSink();
			session.execute(ExecRequest.of("via", "echo via-jump"), sink);
			assertThat(sink.out()).isEqualTo("via-jump\n");
		}
	}

	@Test
	void aJumpHostThatForbidsForwardingIsAConnectFailureNamingIt() throws Exception {
		Path knownHosts = this.temp.resolve("known_hosts");
		Files.writeString(knownHosts, "[127.0.0.1]:" + SSHD.port() + " " + SSHD.hostPublicKey() + "\n[127.0.0.1]:"
				+ NO_FORWARDING_JUMP.port() + " " + NO_FORWARDING_JUMP.hostPublicKey() + "\n");
		TargetException refused = catchThrowableOfType(TargetException.class,
				() -> open(Map.of("known-hosts", knownHosts.toString(),
						"identity", SSHD.clientKey() + "," + NO_FORWARDING_JUMP.clientKey(),
						"proxy-jump", "127.0.0.1:" + NO_FORWARDING_JUMP.port()), TargetPrompts.refusing()));
		assertThat(refused.reason()).isEqualTo(Reason.CONNECT);
		assertThat(refused.getMessage()).contains("127.0.0.1:" + SSHD.port(), "jump host 127.0.0.1:"
				+ NO_FORWARDING_JUMP.port());
	}

	@Test
	void aDroppedConnectionMarksTheBlockLostAndNothingRunsUntilReconnect() throws Exception {
		try (TargetSession session = open(Map.of(), TargetPrompts.refusing())) {
			CollectingSink sink = new CollectingSink();
			// dropped once the block shows it runs, not after a guess at how long starting it takes
			Thread dropper = new Thread(() -> {
				if (awaitOut(sink, "started")) {
					SSHD.dropConnections();
				}
			});
			dropper.start();
			ExecResult lost = session.execute(ExecRequest.of("long", "echo started; sleep 20"), sink);
			dropper.join();
			assertThat(lost.outcome()).isEqualTo(Outcome.CONNECTION_LOST);
			assertThat(lost.exitCode()).isNull();
			assertThat(lost.message()).contains("127.0.0.1:" + SSHD.port());
			TargetException refused = catchThrowableOfType(TargetException.class,
					() -> session.execute(ExecRequest.of("next", "true"), sink));
			assertThat(refused.reason()).isEqualTo(Reason.CONNECT);
			assertThat(refused.getMessage()).contains("reconnect first");
			session.reconnect();
			CollectingSink after = new CollectingSink();
			ExecResult next = session.execute(ExecRequest.of("next", "echo back"), after);
			assertThat(next.freshShell()).isTrue();
			assertThat(after.out()).isEqualTo("back\n");
		}
	}

	private static TargetSession open(Map<String, String> overrides, TargetPrompts prompts) throws TargetException {
		Map<String, String> options = new HashMap<>(SSHD.options());
		options.putAll(overrides);
		return new TargetFactory(System::getenv, SSHD.home()).create(new TargetDefinition("ssh", SSHD.uri(), options))
			.open(prompts);
	}

	static boolean awaitOut(CollectingSink sink, String text) {
		try {
			return sink.awaitOut(text, Duration.ofSeconds(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
