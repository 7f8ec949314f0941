package dev.runbookshell.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenSSH {@code sshd} on a free loopback port, for the test class that registers it: its own host key,
 * a client key in its authorized_keys, and a known_hosts naming it, all in a temp directory that doubles as the
 * client's home. Logs in as the user running the tests.
 */
public final class OpenSshServerExtension implements BeforeAllCallback, AfterAllCallback {

	private static final Path SSHD = Path.of("/usr/sbin/sshd");

	private final List<String> extraConfig;

	private String hostKeyType = "ed25519";

	private Path dir;

	private int port;

	private Process sshd;

	public OpenSshServerExtension(String... extraConfig) {
		this.extraConfig = List.of(extraConfig);
	}

	/** A server whose only host key is of {@code type} (ed25519, ecdsa or rsa) instead of ed25519. */
	public OpenSshServerExtension withHostKeyType(String type) {
		this.hostKeyType = type;
		return this;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/** Starts sshd; also usable outside JUnit (the benchmark). */
	public void start() throws IOException, InterruptedException {
		RequiredComponent.require(Files.isExecutable(SSHD), "OpenSSH server (" + SSHD + ")");
		RequiredComponent.require(Files.isDirectory(Path.of("/run/sshd")), "sshd privilege separation dir /run/sshd");
		this.dir = Files.createTempDirectory("runbook-sshd");
		Files.createDirectories(home().resolve(".ssh"));
		keygen(hostKey(), this.hostKeyType, "");
		keygen(clientKey());
		Files.copy(Path.of(clientKey() + ".pub"), this.dir.resolve("authorized_keys"));
		this.port = freePort();
		List<String> config = new ArrayList<>(List.of("Port " + this.port, "ListenAddress 127.0.0.1",
				"HostKey " + hostKey(), "AuthorizedKeysFile " + this.dir.resolve("authorized_keys"),
				"PermitRootLogin prohibit-password", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
				"UsePAM no", "StrictModes no", "PidFile none", "LogLevel ERROR", "MaxSessions 50", "MaxStartups 50"));
		config.addAll(this.extraConfig);
		Files.write(this.dir.resolve("sshd_config"), config, StandardCharsets.UTF_8);
		this.sshd = new ProcessBuilder(SSHD.toString(), "-f", this.dir.resolve("sshd_config").toString(), "-D", "-e")
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("sshd.log").toFile())
			.start();
		awaitPort();
		writeKnownHosts(knownHosts(), hostPublicKey());
	}

	public void stop() {
		if (this.sshd != null) {
			this.sshd.descendants().forEach(ProcessHandle::destroyForcibly);
			this.sshd.destroyForcibly();
			try {
				this.sshd.waitFor(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.dir != null && !Boolean.getBoolean("runbook.keepSshd")) {
			deleteTree(this.dir); // keys, config and log; -Drunbook.keepSshd=true keeps them to look at
		}
	}

	private static void deleteTree(Path root) {
		try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temp folder is not worth failing a test for
		}
	}

	/**
	 * Freezes every client connection (SIGSTOP to the per-connection sshd processes): their sockets stay open but
	 * nothing answers, as with a hung server or a dead link. {@link #resumeConnections()} undoes it.
	 * @return how many sshd processes were stopped
	 */
	public int freezeConnections() throws IOException, InterruptedException {
		return signalConnections("STOP");
	}

	/** Lets frozen connections go on (SIGCONT). */
	public void resumeConnections() throws IOException, InterruptedException {
		signalConnections("CONT");
	}

	private int signalConnections(String signal) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
		this.sshd.descendants()
			.filter(process -> process.info().command().map(c -> c.endsWith("/sshd") || c.endsWith("/sshd-session"))
				.orElse(false))
			.forEach(process -> command.add(Long.toString(process.pid())));
		if (command.size() == 2) {
			return 0;
		}
		Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " failed: " + out);
		}
		return command.size() - 2;
	}

	/** Drops every client connection (kills the per-connection sshd processes) but keeps listening. */
	public void dropConnections() {
		this.sshd.children().forEach(ProcessHandle::destroyForcibly);
	}

	public int port() {
		return this.port;
	}

	/** A home directory for the client: {@code .ssh/} inside is empty unless a test writes to it. */
	public Path home() {
		return this.dir.resolve("home");
	}

	public Path clientKey() {
		return this.dir.resolve("client_ed25519");
	}

	public Path knownHosts() {
		return this.dir.resolve("known_hosts");
	}

	public String user() {
		return System.getProperty("user.name");
	}

	public String uri() {
		return "ssh://" + user() + "@127.0.0.1:" + this.port;
	}

	/** The options a target needs to reach this server with the client key and the known_hosts. */
	public Map<String, String> options() {
		return Map.of("identity", clientKey().toString(), "known-hosts", knownHosts().toString());
	}

	/** {@code ssh-ed25519 AAAA...} of the server. */
	public String hostPublicKey() throws IOException {
		String[] fields = Files.readString(Path.of(hostKey() + ".pub")).strip().split("\\s+");
		return fields[0] + " " + fields[1];
	}

	/** {@code SHA256:...} of the server's host key, as ssh-keygen prints it. */
	public String hostKeyFingerprint() throws IOException, InterruptedException {
		return fingerprintOf(hostKey());
	}

	private Path hostKey() {
		return this.dir.resolve("host_" + this.hostKeyType);
	}

	/** {@code SHA256:...} of the key pair at {@code key} (read from {@code key.pub}), as ssh-keygen prints it. */
	public static String fingerprintOf(Path key) throws IOException, InterruptedException {
		Process keygen = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub")
			.redirectErrorStream(true)
			.start();
		String out = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		keygen.waitFor(10, TimeUnit.SECONDS);
		return out.split("\\s+")[1];
	}

	/** Writes a known_hosts that says {@code publicKey} is this server's key. */
	public void writeKnownHosts(Path file, String publicKey) throws IOException {
		Files.writeString(file, "[127.0.0.1]:" + this.port + " " + publicKey + "\n");
	}

	/** The sshd log, for failure messages. */
	public String log() throws IOException {
		return Files.readString(this.dir.resolve("sshd.log"));
	}

	/** Lets the key pair whose public half is {@code key.pub} log in too (until {@link #revokeExtraKeys()}). */
	public void authorize(Path key) throws IOException {
		Files.writeString(this.dir.resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")),
				StandardOpenOption.APPEND);
	}

	/** Back to the client key alone in authorized_keys. */
	public void revokeExtraKeys() throws IOException {
		Files.copy(Path.of(clientKey() + ".pub"), this.dir.resolve("authorized_keys"),
				StandardCopyOption.REPLACE_EXISTING);
	}

	/** Makes a new ed25519 key pair at {@code key} and {@code key.pub}. */
	public static void keygen(Path key) throws IOException, InterruptedException {
		keygen(key, "ed25519", "");
	}

	/**
	 * Makes a new key pair at {@code key} and {@code key.pub}.
	 * @param type ed25519, ecdsa or rsa
	 * @param passphrase empty for an unencrypted key
	 */
	public static void keygen(Path key, String type, String passphrase) throws IOException, InterruptedException {
		Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "runbook-test",
				"-f", key.toString()).redirectErrorStream(true).start();
		String out = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!keygen.waitFor(30, TimeUnit.SECONDS) || keygen.exitValue() != 0) {
			throw new IOException("ssh-keygen failed: " + out);
		}
	}

	private void awaitPort() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			if (!this.sshd.isAlive()) {
				throw new IOException("sshd exited with " + this.sshd.exitValue() + ": " + log());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return;
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		throw new IOException("sshd did not listen on 127.0.0.1:" + this.port + " within 10 s: " + log());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
