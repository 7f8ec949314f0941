package dev.runbookshell.targets.ssh;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.USocketFactory;
import com.jcraft.jsch.UnixDomainSocketFactory;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's ssh-agent on its unix socket, through JSch's agent client (which signs RSA keys with the
 * rsa-sha2-256/512 flags when asked for those algorithms). JSch waits on the socket without a deadline, so every
 * request here runs on a helper thread with one: an agent that does not answer is given up on (its socket closed)
 * and the caller goes on without it.
 */
final class SshAgent implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SshAgent.class);

	/** A working agent lists its keys in well under a millisecond. */
	static final Duration LIST_TIMEOUT = Duration.ofSeconds(3);

	/** Signing may wait for the operator (a confirm-on-use key, a security key touch), but not past sshj's 30 s. */
	static final Duration SIGN_TIMEOUT = Duration.ofSeconds(20);

	/** One key the agent holds: its public key for offering, the JSch identity for signing. */
	record Key(PublicKey publicKey, KeyType type, byte[] blob, String comment, Identity identity) {

		/** {@code agent key ssh-ed25519 SHA256:... "comment"} for messages. */
		String describe() {
			return "agent key " + this.type + " " + KnownHostsVerifier.fingerprint(this.publicKey)
					+ (this.comment.isBlank() ? "" : " \"" + this.comment + "\"");
		}

	}

	private final Path socket;

	private final DeadlineSockets sockets;

	private final AgentIdentityRepository agent;

	/** Set once a request went unanswered: later ones fail at once rather than wait out their deadline again. */
	private volatile boolean silent;

	private final ExecutorService requests = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "ssh-agent");
		thread.setDaemon(true);
		return thread;
	});

	private SshAgent(Path socket, DeadlineSockets sockets) {
		this.socket = socket;
		this.sockets = sockets;
		this.agent = new AgentIdentityRepository(new SSHAgentConnector(sockets, socket));
	}

	/** @throws IOException when this JVM cannot open unix sockets (JSch needs Java 16+) */
	static SshAgent at(Path socket) throws IOException {
		try {
			return new SshAgent(socket, new DeadlineSockets(new UnixDomainSocketFactory()));
		}
		catch (AgentProxyException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
	}

	Path socket() {
		return this.socket;
	}

	/**
	 * The keys the agent offers, in its order; keys sshj cannot use are left out.
	 * @throws IOException when the agent cannot be reached or does not answer in time
	 */
	List<Key> keys() throws IOException {
		List<Identity> identities = call(this.agent::getIdentities, LIST_TIMEOUT, "list its keys");
		if (this.sockets.failure() != null) {
			throw this.sockets.failure();
		}
		List<Key> keys = new ArrayList<>();
		for (Identity identity : identities) {
			byte[] blob = identity.getPublicKeyBlob();
			try {
				PublicKey publicKey = new Buffer.PlainBuffer(blob).readPublicKey();
				keys.add(new Key(publicKey, KeyType.fromString(identity.getAlgName()), blob,
						Objects.requireNonNullElse(identity.getName(), ""), identity));
			}
			catch (Buffer.BufferException | RuntimeException ex) {
				log.debug("ssh-agent key {} ({}) is of a type sshj cannot use: {}", identity.getAlgName(),
						identity.getName(), ex.getMessage());
			}
		}
		return keys;
	}

	/**
	 * The agent's signature blob (algorithm name and signature) over {@code data}.
	 * @param algorithm the key algorithm offered to the server, e.g. {@code rsa-sha2-512} or {@code ssh-ed25519}
	 * @throws IOException when the agent refuses, cannot be reached or does not answer in time
	 */
	byte[] sign(Key key, byte[] data, String algorithm) throws IOException {
		byte[] signature = call(() -> key.identity().getSignature(data, algorithm), SIGN_TIMEOUT,
				"sign with " + key.describe());
		if (signature == null) {
			IOException failure = this.sockets.failure();
			throw new IOException("ssh-agent at " + this.socket + " did not sign with " + key.describe()
					+ (failure == null ? " (it refused)" : ": " + failure.getMessage()));
		}
		return signature;
	}

	private <T> T call(Callable<T> request, Duration timeout, String what) throws IOException {
		if (this.silent) {
			throw new IOException("ssh-agent at " + this.socket + " stopped answering");
		}
		this.sockets.clearFailure();
		Future<T> answer = this.requests.submit(request);
		try {
			return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// Closing the socket ends JSch's blocked read, so the helper thread finishes too.
			this.silent = true;
			this.sockets.closeAll();
			answer.cancel(true);
			throw new IOException("ssh-agent at " + this.socket + " did not " + what + " within "
					+ timeout.toSeconds() + " s", ex);
		}
		catch (ExecutionException ex) {
			throw new IOException("ssh-agent at " + this.socket + " failed to " + what + ": " + ex.getCause(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.sockets.closeAll();
			throw new InterruptedIOException("interrupted while ssh-agent was asked to " + what);
		}
	}

	@Override
	public void close() {
		this.sockets.closeAll();
		this.requests.shutdownNow();
	}

	/** Unix sockets that remember why the last connect failed and can all be closed from another thread. */
	private static final class DeadlineSockets implements USocketFactory {

		private final USocketFactory unix;

		private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

		private volatile IOException failure;

		DeadlineSockets(USocketFactory unix) {
			this.unix = unix;
		}

		@Override
		public SocketChannel connect(Path path) throws IOException {
			this.open.removeIf(channel -> !channel.isOpen());
			try {
				SocketChannel channel = this.unix.connect(path);
				this.open.add(channel);
				return channel;
			}
			catch (IOException ex) {
				this.failure = ex;
				throw ex;
			}
		}

		@Override
		public ServerSocketChannel bind(Path path) throws IOException {
			throw new IOException("an agent client does not listen");
		}

		IOException failure() {
			return this.failure;
		}

		void clearFailure() {
			this.failure = null;
		}

		void closeAll() {
			for (SocketChannel channel : this.open) {
				try {
					channel.close();
				}
				catch (IOException ex) {
					// Closing is all that was wanted.
				}
			}
			this.open.clear();
		}

	}

}
