package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.targets.TargetException.Reason;

/**
 * Password logins against an in-process Apache MINA SSHD that takes passwords only (the OpenSSH test server runs
 * without PAM, so it cannot check one): typed at the prompt, from {@code password-var}, wrong, or nobody to type it.
 */
class SshPasswordTest {

	private static final String USER = "operator";

	private static final String PASSWORD = "c0rrect-h0rse";

	/** Held so that its level sticks: MINA's INFO lines are noise here. */
	private static final Logger MINA_LOG = Logger.getLogger("org.apache.sshd");

	private static SshServer server;

	@TempDir
	static Path serverDir;

	@TempDir
	Path home;

	@BeforeAll
	static void startServer() throws Exception {
		MINA_LOG.setLevel(Level.WARNING);
		server = SshServer.setUpDefaultServer();
		server.setHost("127.0.0.1");
		server.setPort(0);
		server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(serverDir.resolve("host_key")));
		server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
		server.setKeyboardInteractiveAuthenticator(null);
		// Commands run by /bin/sh -c on this machine, as sshd would run them.
		server.setCommandFactory(
				(channel, command) -> new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel));
		server.start();
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.stop(true);
	}

	@Test
	void thePasswordTypedAtThePromptLogsInAndIsAskedOnce() throws Exception {
		RecordingPrompts prompts = RecordingPrompts.answering(PASSWORD);
		try (TargetSession session = open(Map.of(), name -> null, prompts)) {
			CollectingSink sink = new CollectingSink();
			assertThat(session.execute(ExecRequest.of("hello", "echo over-password"), sink).exitCode()).isZero();
			assertThat(sink.out()).isEqualTo("over-password\n");
		}
		assertThat(prompts.asked()).containsExactly("Password for " + describe() + ": ");
	}

	@Test
	void passwordVarTakesThePasswordFromTheEnvironmentWithoutAsking() throws Exception {
		RecordingPrompts prompts = RecordingPrompts.answering("unused");
		Map<String, String> environment = Map.of("RB_TEST_PASSWORD", PASSWORD);
		open(Map.of("password-var", "RB_TEST_PASSWORD"), environment::get, prompts).close();
		assertThat(prompts.asked()).isEmpty();
	}

	@Test
	void aWrongPasswordIsAnAuthenticationFailureNamingTheHostAndWhatWasTriedButNeverThePassword() {
		TargetException refused = catchThrowableOfType(TargetException.class,
				() -> open(Map.of(), name -> null, RecordingPrompts.answering("wr0ng-guess")));
		assertThat(refused.reason()).isEqualTo(Reason.AUTH);
		assertThat(refused.getMessage()).contains("authentication to " + describe() + " refused", "password (refused)");
		assertThat(everythingSaidAbout(refused)).doesNotContain("wr0ng-guess");
	}

	@Test
	void aWrongPasswordFromPasswordVarIsNamedByItsVariableButNeverShown() {
		Map<String, String> environment = Map.of("RB_TEST_PASSWORD", "wr0ng-from-env");
		TargetException refused = catchThrowableOfType(TargetException.class,
				() -> open(Map.of("password-var", "RB_TEST_PASSWORD"), environment::get, TargetPrompts.refusing()));
		assertThat(refused.reason()).isEqualTo(Reason.AUTH);
		assertThat(refused.getMessage()).contains(describe(), "password from $RB_TEST_PASSWORD (refused)");
		assertThat(everythingSaidAbout(refused)).doesNotContain("wr0ng-from-env");
	}

	@Test
	void unattendedWithNoPasswordVarIsAClearAuthenticationFailureWithoutWaiting() {
		TargetException refused = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> catchThrowableOfType(
				TargetException.class, () -> open(Map.of(), name -> null, TargetPrompts.unattended(true))));
		assertThat(refused.reason()).isEqualTo(Reason.AUTH);
		assertThat(refused.getMessage()).contains(describe(), "password (nobody to type it)");
	}

	private TargetSession open(Map<String, String> overrides, Function<String, String> environment,
			TargetPrompts prompts) throws Exception {
		Files.createDirectories(this.home.resolve(".ssh"));
		Map<String, String> options = new HashMap<>(Map.of("known-hosts", this.home.resolve("known_hosts").toString(),
				"accept-new-host-key", "true"));
		options.putAll(overrides);
		return new TargetFactory(environment, this.home).create(new TargetDefinition("pw",
				"ssh://" + USER + "@127.0.0.1:" + server.getPort(), options)).open(prompts);
	}

	private static String describe() {
		return USER + "@127.0.0.1:" + server.getPort();
	}

	/** Message, causes and stack trace, as they could reach a terminal or the debug log. */
	private static String everythingSaidAbout(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

}
