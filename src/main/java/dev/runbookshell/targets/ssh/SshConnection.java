package dev.runbookshell.targets.ssh;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;

import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetException.Reason;
import dev.runbookshell.targets.TargetPrompts;

/**
 * An authenticated sshj connection to the target, through its ProxyJump hosts when it has any (each hop a
 * direct-tcpip channel over the previous one), host keys verified on every hop, each hop logged in to by
 * {@link SshAuthentication}.
 */
final class SshConnection implements AutoCloseable {

	private static final int CONNECT_TIMEOUT_MILLIS = 15_000;

	private static final int KEEP_ALIVE_SECONDS = 15;

	private static final DefaultConfig CONFIG = config();

	private final List<SSHClient> clients;

	private final KnownHostsVerifier verifier;

	private SshConnection(List<SSHClient> clients, KnownHostsVerifier verifier) {
		this.clients = clients;
		this.verifier = verifier;
	}

	static SshConnection open(SshSettings target, Path home, TargetPrompts prompts,
			Function<String, String> environment) throws TargetException {
		List<SshSettings> hops = new ArrayList<>();
		try {
			for (String jump : target.jumps()) {
				hops.add(target.jumpHost(jump, home));
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new TargetException(Reason.CONNECT, "cannot read the ProxyJump hosts of " + target.describe() + ": "
					+ ex.getMessage(), ex);
		}
		hops.add(target);
		List<SSHClient> clients = new ArrayList<>();
		KnownHostsVerifier verifier = null;
		try {
			for (SshSettings hop : hops) {
				SSHClient previous = clients.isEmpty() ? null : clients.get(clients.size() - 1);
				SSHClient client = new SSHClient(CONFIG);
				clients.add(client);
				verifier = connect(client, previous, hop, prompts);
				SshAuthentication.authenticate(client, hop, prompts, environment);
			}
			return new SshConnection(clients, verifier);
		}
		catch (TargetException ex) {
			closeAll(clients);
			throw ex;
		}
	}

	private static KnownHostsVerifier connect(SSHClient client, SSHClient previous, SshSettings hop,
			TargetPrompts prompts) throws TargetException {
		KnownHostsVerifier verifier;
		try {
			verifier = new KnownHostsVerifier(hop.knownHosts().toFile(), prompts, hop.acceptNewHostKey());
		}
		catch (IOException ex) {
			throw new TargetException(Reason.HOST_KEY, "cannot read " + hop.knownHosts() + ": " + ex.getMessage(), ex);
		}
		client.addHostKeyVerifier(verifier);
		client.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
		client.setSocketFactory(new NoDelaySocketFactory());
		DirectConnection tunnel = null;
		try {
			if (previous == null) {
				client.connect(hop.host(), hop.port());
			}
			else {
				tunnel = previous.newDirectConnection(hop.host(), hop.port());
				client.connectVia(tunnel);
			}
			client.getConnection().getKeepAlive().setKeepAliveInterval(KEEP_ALIVE_SECONDS);
			return verifier;
		}
		catch (IOException ex) {
			if (verifier.refusal() != null) {
				throw new TargetException(Reason.HOST_KEY, verifier.refusal(), ex);
			}
			String via = previous == null ? "" : " through jump host " + previous.getRemoteHostname() + ":"
					+ previous.getRemotePort();
			if (ex instanceof SocketTimeoutException) {
				throw new TargetException(Reason.TIMEOUT, "connecting to " + hop.describe() + via + " took over "
						+ CONNECT_TIMEOUT_MILLIS / 1000 + " s", ex);
			}
			throw new TargetException(Reason.CONNECT, "cannot connect to " + hop.describe() + via + ": "
					+ ex.getMessage(), ex);
		}
	}

	SSHClient client() {
		return this.clients.get(this.clients.size() - 1);
	}

	String fingerprint() {
		return this.verifier.verifiedFingerprint();
	}

	boolean isConnected() {
		SSHClient client = client();
		return client.isConnected() && client.getTransport().isRunning() && client.isAuthenticated();
	}

	@Override
	public void close() {
		closeAll(this.clients);
	}

	private static void closeAll(List<SSHClient> clients) {
		for (int i = clients.size() - 1; i >= 0; i--) {
			try {
				clients.get(i).close();
			}
			catch (IOException ex) {
				// Closing a dead connection fails; it is closed either way.
			}
		}
	}

	private static DefaultConfig config() {
		DefaultConfig config = new DefaultConfig();
		// Sends keep-alive requests and gives up after a few unanswered ones, so a dead link ends the block.
		config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
		// AES-GCM first, run by the JDK on the CPU's AES instructions rather than by BouncyCastle in plain Java.
		config.setCipherFactories(JdkAesCiphers.preferred(config.getCipherFactories()));
		// Only used when the server refuses AES-GCM: encrypt-then-MAC SHA-2 first, on the CPU's SHA instructions.
		config.setMACFactories(JdkMacs.preferred(config.getMACFactories()));
		return config;
	}

}
