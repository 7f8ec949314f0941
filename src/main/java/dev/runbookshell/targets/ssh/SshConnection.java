package dev.runbookshell.targets.ssh;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;

import dev.runbookshell.targets.AliveCheck;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetException.Reason;
import dev.runbookshell.targets.TargetPrompts;

/**
 * An authenticated sshj connection to the target, through its ProxyJump hosts when it has any (each hop a
 * direct-tcpip channel over the previous one), host keys verified on every hop, each hop logged in to by
 * {@link SshAuthentication}. Every hop sends keep-alive requests as its {@link AliveCheck} says; one that goes
 * unanswered too often ends that hop's transport, and with it the shell's channel, so a stalled peer ends the
 * running block as a lost connection.
 */
final class SshConnection implements AutoCloseable {

	private static final int CONNECT_TIMEOUT_MILLIS = 15_000;

	private static final DefaultConfig CONFIG = config();

	private final List<SSHClient> clients;

	private final KnownHostsVerifier verifier;

	private final AtomicReference<String> lossCause;

	private SshConnection(List<SSHClient> clients, KnownHostsVerifier verifier, AtomicReference<String> lossCause) {
		this.clients = clients;
		this.verifier = verifier;
		this.lossCause = lossCause;
	}

	static SshConnection open(SshSettings target, AliveCheck aliveCheck, Path home, TargetPrompts prompts,
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
		AtomicReference<String> lossCause = new AtomicReference<>();
		try {
			for (SshSettings hop : hops) {
				SSHClient previous = clients.isEmpty() ? null : clients.get(clients.size() - 1);
				SSHClient client = new SSHClient(CONFIG);
				clients.add(client);
				watch(client, aliveCheck, hop == target ? null : "jump host " + hop.describe(), lossCause);
				verifier = connect(client, previous, hop, prompts);
				SshAuthentication.authenticate(client, hop, prompts, environment);
			}
			return new SshConnection(clients, verifier, lossCause);
		}
		catch (TargetException ex) {
			closeAll(clients);
			throw ex;
		}
	}

	/**
	 * Keep-alives for {@code client}: set before it connects, because sshj starts its keep-alive thread on
	 * connect only when an interval is set by then. The first hop to die records why, for the lost-connection
	 * message.
	 */
	private static void watch(SSHClient client, AliveCheck aliveCheck, String hop, AtomicReference<String> lossCause) {
		KeepAliveRunner keepAlive = (KeepAliveRunner) client.getConnection().getKeepAlive();
		keepAlive.setKeepAliveInterval((int) aliveCheck.interval().toSeconds());
		keepAlive.setMaxAliveCount(aliveCheck.maxMissed());
		client.getTransport().setDisconnectListener((reason, message) -> {
			if (reason == DisconnectReason.BY_APPLICATION) {
				return; // our own close
			}
			String text = String.valueOf(message);
			String why = reason == DisconnectReason.CONNECTION_LOST && text.contains("keep-alive")
					? aliveCheck.unanswered("keep-alive")
					: text.contains("encountered EOF") ? "the server closed the connection" : text;
			lossCause.compareAndSet(null, hop == null ? why : hop + ": " + why);
		});
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
			if (ex instanceof UnknownHostException) {
				throw new TargetException(Reason.CONNECT, "cannot connect to " + hop.describe() + via
						+ ": the host name " + hop.host() + " does not resolve", ex);
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

	/** Why a hop's transport died (keep-alives unanswered, the server went away), or null while none did. */
	String lossCause() {
		return this.lossCause.get();
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
