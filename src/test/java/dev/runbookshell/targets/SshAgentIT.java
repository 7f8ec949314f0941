package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.runbookshell.targets.TargetException.Reason;
import dev.runbookshell.testsupport.OpenSshServerExtension;
import dev.runbookshell.testsupport.SshAgentProcess;

/**
 * Logging in through a real OpenSSH ssh-agent, named by SSH_AUTH_SOCK in the environment the target is given,
 * to a real OpenSSH server (9.2 on Debian 12 refuses SHA-1 {@code ssh-rsa} signatures).
 */
class SshAgentIT {

	@RegisterExtension
	static final OpenSshServerExtension SSHD = new OpenSshServerExtension();

	private static final Logger SSH_LOG = Logger.getLogger("dev.runbookshell.targets.ssh");

	@TempDir
	Path temp;

	private final List<String> debugLog = new ArrayList<>();

	private final Handler capture = new Handler() {
		@Override
		public void publish(LogRecord record) {
			SshAgentIT.this.debugLog.add(new java.util.logging.SimpleFormatter().formatMessage(record));
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	};

	@BeforeEach
	void captureDebugLog() {
		SSH_LOG.setLevel(Level.FINE);
		SSH_LOG.addHandler(this.capture);
	}

	@AfterEach
	void restore() throws IOException {
		SSH_LOG.removeHandler(this.capture);
		SSHD.revokeExtraKeys();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ed25519", "ecdsa", "rsa" })
	void aKeyHeldOnlyByTheAgentLogsInWithNoIdentityFile(String type) throws Exception {
		Path key = this.temp.resolve("agent_" + type);
		OpenSshServerExtension.keygen(key, type, "");
		SSHD.authorize(key);
		try (SshAgentProcess agent = SshAgentProcess.start(this.temp.resolve("agent.sock"))) {
			agent.add(key);
			Files.delete(key);
			try (TargetSession session = open(agent.socket(), Map.of(), TargetPrompts.refusing())) {
				CollectingSink sink = new CollectingSink();
				ExecResult result = session.execute(ExecRequest.of("who", "id -un"), sink);
				assertThat(result.exitCode()).isZero();
				assertThat(sink.out()).isEqualTo(SSHD.user() + "\n");
			}
		}
	}

	@Test
	void anAgentKeyTheServerDoesNotKnowIsAnAuthenticationFailureNamingIt() throws Exception {
		Path key = this.temp.resolve("stranger");
		OpenSshServerExtension.keygen(key, "ed25519", "");
		try (SshAgentProcess agent = SshAgentProcess.start(this.temp.resolve("agent.sock"))) {
			agent.add(key);
			TargetException refused = catchThrowableOfType(TargetException.class,
					() -> open(agent.socket(), Map.of(), TargetPrompts.refusing()));
			assertThat(refused.reason()).isEqualTo(Reason.AUTH);
			assertThat(refused.getMessage()).contains(SSHD.user() + "@127.0.0.1:" + SSHD.port(),
					"agent key ssh-ed25519 " + OpenSshServerExtension.fingerprintOf(key), "refused");
		}
	}

	@Test
	void theAgentIsAskedBeforeTheIdentityFilesSoAnEncryptedKeyNeedsNoPassphrase() throws Exception {
		Path key = this.temp.resolve("agent_ed25519");
		OpenSshServerExtension.keygen(key, "ed25519", "");
		SSHD.authorize(key);
		Path encrypted = this.temp.resolve("encrypted_ed25519");
		OpenSshServerExtension.keygen(encrypted, "ed25519", "secret");
		SSHD.authorize(encrypted);
		RecordingPrompts prompts = RecordingPrompts.unanswered();
		try (SshAgentProcess agent = SshAgentProcess.start(this.temp.resolve("agent.sock"))) {
			agent.add(key);
			open(agent.socket(), Map.of("identity", encrypted.toString()), prompts).close();
		}
		assertThat(prompts.asked()).isEmpty();
	}

	@Test
	void aDeadAgentSocketIsSkippedAndTheKeyFileStillWorks() throws Exception {
		Path dead = this.temp.resolve("dead.sock");
		try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			listener.bind(UnixDomainSocketAddress.of(dead));
		}
		assertThat(dead).exists();
		long started = System.nanoTime();
		open(dead, Map.of("identity", SSHD.clientKey().toString()), TargetPrompts.refusing()).close();
		// does not hang; that it was skipped at once is what the debug log says, not a stopwatch on a loaded machine
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
		assertThat(this.debugLog).anyMatch(line -> line.contains("Skipping ssh-agent at " + dead));
	}

	@Test
	void anAgentThatNeverAnswersIsGivenUpOnAndTheKeyFileStillWorks() throws Exception {
		Path silent = this.temp.resolve("silent.sock");
		try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
			// Bound and listening but never reading: connecting works, the answer never comes.
			listener.bind(UnixDomainSocketAddress.of(silent));
			long started = System.nanoTime();
			open(silent, Map.of("identity", SSHD.clientKey().toString()), TargetPrompts.refusing()).close();
			// does not hang; the debug log below says it gave up after its 3 s bound
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
		}
		assertThat(this.debugLog)
			.anyMatch(line -> line.contains("Skipping ssh-agent at " + silent) && line.contains("within 3 s"));
	}

	@Test
	void identityAgentNoneInSshConfigLeavesTheAgentOut() throws Exception {
		Path key = this.temp.resolve("agent_ed25519");
		OpenSshServerExtension.keygen(key, "ed25519", "");
		SSHD.authorize(key);
		Files.writeString(SSHD.home().resolve(".ssh/config"), "Host 127.0.0.1\n  IdentityAgent none\n");
		try (SshAgentProcess agent = SshAgentProcess.start(this.temp.resolve("agent.sock"))) {
			agent.add(key);
			TargetException refused = catchThrowableOfType(TargetException.class,
					() -> open(agent.socket(), Map.of(), TargetPrompts.refusing()));
			assertThat(refused.reason()).isEqualTo(Reason.AUTH);
			assertThat(refused.getMessage()).doesNotContain("agent");
		}
		finally {
			Files.delete(SSHD.home().resolve(".ssh/config"));
		}
	}

	/** The sshd's URI and known_hosts, SSH_AUTH_SOCK={@code agentSocket} and nothing else in the environment. */
	private static TargetSession open(Path agentSocket, Map<String, String> overrides, TargetPrompts prompts)
			throws TargetException {
		Map<String, String> options = new HashMap<>(Map.of("known-hosts", SSHD.knownHosts().toString()));
		options.putAll(overrides);
		Map<String, String> environment = Map.of("SSH_AUTH_SOCK", agentSocket.toString());
		return new TargetFactory(environment::get, SSHD.home()).create(new TargetDefinition("ssh", SSHD.uri(), options))
			.open(prompts);
	}

}
