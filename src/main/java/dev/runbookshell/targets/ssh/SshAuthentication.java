package dev.runbookshell.targets.ssh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.hierynomus.sshj.common.KeyDecryptionFailedException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthNone;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetException.Reason;
import dev.runbookshell.targets.TargetPrompts;
import dev.runbookshell.targets.ssh.SshSettings.IdentityFile;

/**
 * Logs in to one hop in OpenSSH's order: the ssh-agent's keys, then the identity files, then a password (from
 * {@code password-var} or asked as a secret, and only when the server takes passwords). Passphrases and passwords
 * are asked on the caller's thread (a passphrase up to {@value #PASSPHRASE_TRIES} times when mistyped, a password
 * once); a failure names the hop and everything tried, never a secret.
 */
final class SshAuthentication {

	private static final Logger log = LoggerFactory.getLogger(SshAuthentication.class);

	/** How many times a key's passphrase is asked before the key is given up, as ssh does. */
	static final int PASSPHRASE_TRIES = 3;

	private final SSHClient client;

	private final SshSettings hop;

	private final TargetPrompts prompts;

	private final Function<String, String> environment;

	private final List<String> tried = new ArrayList<>();

	private final Set<ByteBuffer> offered = new HashSet<>();

	private SshAuthentication(SSHClient client, SshSettings hop, TargetPrompts prompts,
			Function<String, String> environment) {
		this.client = client;
		this.hop = hop;
		this.prompts = prompts;
		this.environment = environment;
	}

	static void authenticate(SSHClient client, SshSettings hop, TargetPrompts prompts,
			Function<String, String> environment) throws TargetException {
		SshAuthentication login = new SshAuthentication(client, hop, prompts, environment);
		try {
			if (login.withAgent() || login.withIdentityFiles() || login.withPassword()) {
				return;
			}
		}
		catch (TransportException ex) {
			throw new TargetException(Reason.CONNECT, "connection to " + hop.describe()
					+ " failed during authentication (" + login.triedSoFar() + "): " + ex.getMessage(), ex);
		}
		throw new TargetException(Reason.AUTH, "authentication to " + hop.describe() + " refused ("
				+ login.triedSoFar() + ")");
	}

	private String triedSoFar() {
		return this.tried.isEmpty() ? "nothing to try" : "tried " + String.join(", ", this.tried);
	}

	private boolean withAgent() throws TransportException {
		Path socket = agentSocket();
		if (socket == null) {
			return false;
		}
		try (SshAgent agent = SshAgent.at(socket)) {
			List<SshAgent.Key> keys = agent.keys();
			if (keys.isEmpty()) {
				this.tried.add("ssh-agent at " + socket + " (no keys)");
			}
			for (SshAgent.Key key : keys) {
				this.offered.add(ByteBuffer.wrap(key.blob()));
				if (attempt(new PublickeyOffer.SignedByAgent(agent, key), key.describe())) {
					return true;
				}
			}
		}
		catch (TransportException ex) {
			throw ex;
		}
		catch (IOException ex) {
			// An agent that is gone or hung is no reason to fail: the identity files and the password remain.
			log.debug("Skipping ssh-agent at {} for {}: {}", socket, this.hop.describe(), ex.getMessage());
			this.tried.add("ssh-agent at " + socket + " (skipped: " + ex.getMessage() + ")");
		}
		return false;
	}

	/** IdentityAgent from ~/.ssh/config, else $SSH_AUTH_SOCK; null when there is no agent to ask. */
	private Path agentSocket() {
		String configured = this.hop.identityAgent();
		if (configured != null && configured.equalsIgnoreCase("none")) {
			return null;
		}
		if (configured != null && !configured.replaceAll("[${}]", "").equals("SSH_AUTH_SOCK")) {
			return Path.of(configured);
		}
		String socket = this.environment.apply("SSH_AUTH_SOCK");
		if (socket == null || socket.isBlank()) {
			this.tried.add("no ssh-agent (SSH_AUTH_SOCK is not set)");
			return null;
		}
		return Path.of(socket);
	}

	private boolean withIdentityFiles() throws TransportException {
		List<Path> absentDefaults = new ArrayList<>();
		for (IdentityFile identity : this.hop.identities()) {
			if (identity.source() == null && !Files.exists(identity.path())) {
				absentDefaults.add(identity.path());
			}
			else if (withIdentityFile(identity)) {
				return true;
			}
		}
		if (!absentDefaults.isEmpty() && absentDefaults.size() == this.hop.identities().size()) {
			this.tried.add("no key file (none of " + absentDefaults.stream().map(Path::toString)
				.collect(Collectors.joining(", ")) + ")");
		}
		return false;
	}

	private boolean withIdentityFile(IdentityFile identity) throws TransportException {
		Path path = identity.path();
		String what = "key " + path;
		if (!Files.exists(path)) {
			this.tried.add(what + " (no such file, named by " + identity.source() + ")");
			return false;
		}
		boolean wouldTake = false;
		// As ssh does, a mistyped passphrase is asked again, up to PASSPHRASE_TRIES times in all.
		for (int attempt = 1; attempt <= PASSPHRASE_TRIES; attempt++) {
			SshSecret passphrase = SshSecret.passphrase(this.prompts,
					(attempt > 1 ? "Wrong passphrase, try again. " : "") + "Passphrase for key " + path + ": ");
			if (wouldTake) {
				passphrase.allow();
			}
			try {
				KeyProvider keys = this.client.loadKeys(path.toString(), passphrase);
				try {
					PrivateKey privateKey = keys.getPrivate();
					return offer(what, keys.getPublic(), privateKey);
				}
				catch (SshSecret.Needed encrypted) {
					// Ask the server about the public key (from KEY.pub) first; the passphrase only when of use.
					PublicKey publicKey = publicKeyWithoutPassphrase(keys);
					if (publicKey != null && !wouldAccept(publicKey)) {
						this.tried.add(what + " (refused)");
						return false;
					}
					wouldTake = true;
					passphrase.allow();
					PrivateKey privateKey = keys.getPrivate();
					return offer(what, keys.getPublic(), privateKey);
				}
			}
			catch (TransportException ex) {
				throw ex;
			}
			catch (SshSecret.Unanswered ex) {
				this.tried.add(what + " (encrypted, and nobody to type its passphrase)");
				return false;
			}
			catch (KeyDecryptionFailedException ex) {
				if (attempt == PASSPHRASE_TRIES) {
					this.tried.add(what + " (wrong passphrase, " + attempt + " tries)");
				}
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Cannot use {}", path, ex);
				this.tried.add(what + " (unreadable: " + ex.getMessage() + ")");
				return false;
			}
		}
		return false;
	}

	private static PublicKey publicKeyWithoutPassphrase(KeyProvider keys) throws IOException {
		try {
			return keys.getPublic();
		}
		catch (SshSecret.Needed ex) {
			return null;
		}
	}

	private boolean wouldAccept(PublicKey publicKey) throws TransportException {
		try {
			this.client.auth(this.hop.user(), new PublickeyOffer.Probe(KeyType.fromKey(publicKey), blob(publicKey)));
			return true;
		}
		catch (UserAuthException ex) {
			return ex.getCause() instanceof PublickeyOffer.Probe.Acceptable;
		}
	}

	private boolean offer(String what, PublicKey publicKey, PrivateKey privateKey) throws TransportException {
		if (!this.offered.add(ByteBuffer.wrap(blob(publicKey)))) {
			log.debug("{} holds a key already offered from the ssh-agent", what);
			return false;
		}
		return attempt(new AuthPublickey(new KeyPairWrapper(new KeyPair(publicKey, privateKey))), what);
	}

	private boolean withPassword() throws TransportException {
		String what = this.hop.passwordVar() == null ? "password" : "password from $" + this.hop.passwordVar();
		String fromEnvironment = this.hop.passwordVar() == null ? null : this.environment.apply(this.hop.passwordVar());
		if (this.hop.passwordVar() != null && fromEnvironment == null) {
			this.tried.add(what + " (" + this.hop.passwordVar() + " is not set in the environment)");
			return false;
		}
		if (this.client.getUserAuth().getAllowedMethods().isEmpty() && noneAccepted()) {
			return true;
		}
		if (!this.client.getUserAuth().getAllowedMethods().contains("password")) {
			this.tried.add(what + " (the server takes no passwords)");
			return false;
		}
		char[] password = fromEnvironment != null ? fromEnvironment.toCharArray()
				: this.prompts.readSecret("Password for " + this.hop.describe() + ": ");
		if (password == null) {
			this.tried.add(what + " (nobody to type it)");
			return false;
		}
		try {
			return attempt(new AuthPassword(SshSecret.known(password)), what);
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	/** Learns which methods the server takes (and logs in, if it wants no authentication at all). */
	private boolean noneAccepted() throws TransportException {
		try {
			this.client.auth(this.hop.user(), new AuthNone());
			return true;
		}
		catch (UserAuthException ex) {
			return false;
		}
	}

	private boolean attempt(AuthMethod method, String what) throws TransportException {
		try {
			this.client.auth(this.hop.user(), method);
			log.debug("Authenticated to {} with {}", this.hop.describe(), what);
			return true;
		}
		catch (UserAuthException ex) {
			Throwable why = ex.getCause();
			this.tried.add(what + " (" + (why == null ? "refused" : why.getMessage()) + ")");
			return false;
		}
	}

	private static byte[] blob(PublicKey key) {
		return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
	}

}
