package dev.runbookshell.targets.ssh;

import java.io.IOException;
import java.util.LinkedList;
import java.util.Queue;

import com.hierynomus.sshj.key.KeyAlgorithm;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * sshj's {@code publickey} method for a key whose private half sshj does not hold. It offers the public key with
 * each key algorithm sshj would use for that key type in turn (for RSA: rsa-sha2-512, rsa-sha2-256, ssh-rsa), as
 * sshj's own AuthPublickey does; what happens once the server would accept the key (SSH_MSG_USERAUTH_PK_OK) is
 * up to the subclass.
 */
abstract class PublickeyOffer extends AbstractAuthMethod {

	private final KeyType type;

	private final byte[] blob;

	private Queue<KeyAlgorithm> algorithms;

	PublickeyOffer(KeyType type, byte[] blob) {
		super("publickey");
		this.type = type;
		this.blob = blob;
	}

	/** The server would accept the key with {@code algorithm}. */
	abstract void accepted(String algorithm) throws UserAuthException, TransportException;

	@Override
	public final void handle(Message message, SSHPacket packet) throws UserAuthException, TransportException {
		if (message == Message.USERAUTH_60) {
			accepted(algorithm().getKeyAlgorithm());
		}
		else {
			super.handle(message, packet);
		}
	}

	@Override
	public final boolean shouldRetry() {
		if (this.algorithms == null) {
			return false;
		}
		this.algorithms.poll();
		return !this.algorithms.isEmpty();
	}

	@Override
	protected final SSHPacket buildReq() throws UserAuthException {
		return offer(false);
	}

	/** The request with the key; a signed one still needs its signature appended. */
	final SSHPacket offer(boolean signed) throws UserAuthException {
		return super.buildReq().putBoolean(signed).putString(algorithm().getKeyAlgorithm()).putString(this.blob);
	}

	private KeyAlgorithm algorithm() throws UserAuthException {
		if (this.algorithms == null) {
			try {
				this.algorithms = new LinkedList<>(this.params.getTransport().getClientKeyAlgorithms(this.type));
			}
			catch (TransportException ex) {
				throw new UserAuthException("no key algorithm for " + this.type + " keys", ex);
			}
		}
		return this.algorithms.peek();
	}

	/** Signs with the ssh-agent once the server would accept the agent's key. */
	static final class SignedByAgent extends PublickeyOffer {

		private final SshAgent agent;

		private final SshAgent.Key key;

		SignedByAgent(SshAgent agent, SshAgent.Key key) {
			super(key.type(), key.blob());
			this.agent = agent;
			this.key = key;
		}

		@Override
		void accepted(String algorithm) throws UserAuthException, TransportException {
			SSHPacket request = offer(true);
			byte[] signed = new Buffer.PlainBuffer().putString(this.params.getTransport().getSessionID())
				.putBuffer(request)
				.getCompactData();
			try {
				request.putString(this.agent.sign(this.key, signed, algorithm));
			}
			catch (IOException ex) {
				throw new UserAuthException(ex.getMessage(), ex);
			}
			this.params.getTransport().write(request);
		}

	}

	/**
	 * Only asks whether the server would accept a key, so that a key's passphrase is asked for only when it would
	 * be of use (as OpenSSH does). The answer comes back as the {@link Acceptable} failure.
	 */
	static final class Probe extends PublickeyOffer {

		Probe(KeyType type, byte[] blob) {
			super(type, blob);
		}

		@Override
		void accepted(String algorithm) throws UserAuthException {
			throw new Acceptable();
		}

		/** Not a failure: the server would accept the probed key. */
		static final class Acceptable extends UserAuthException {

			Acceptable() {
				super("the server would accept this key");
			}

		}

	}

}
