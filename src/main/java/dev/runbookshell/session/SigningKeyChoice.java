package dev.runbookshell.session;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.function.Function;

import net.schmizz.sshj.common.Buffer;

import dev.runbookshell.journal.signing.KeyFileSigningKey;
import dev.runbookshell.journal.signing.Passphrases;
import dev.runbookshell.journal.signing.SigningException;
import dev.runbookshell.journal.signing.SigningKey;
import dev.runbookshell.journal.signing.SshSignature;
import dev.runbookshell.targets.ssh.SshAgentKeys;

/**
 * Which key signs a run's journal, chosen as {@code ssh-keygen -Y sign} would: {@code --sign} alone takes the
 * ssh-agent's first key that SSHSIG can sign with; {@code --sign-key FILE} takes that key, through the agent when
 * the agent holds it (FILE may then be the {@code .pub}), else from the file (its passphrase asked as a secret).
 * Every problem is found before the session starts, as a usage error naming the key or the agent.
 */
final class SigningKeyChoice {

	private SigningKeyChoice() {
	}

	static SigningKey choose(String keyFile, Function<String, String> environment, Passphrases passphrases) {
		String socket = environment.apply("SSH_AUTH_SOCK");
		boolean agent = socket != null && !socket.isBlank();
		if (keyFile == null) {
			if (!agent) {
				throw new SessionRefusedException("--sign needs a key: an ssh-agent (SSH_AUTH_SOCK is not set) or "
						+ "--sign-key FILE");
			}
			return firstAgentKey(Path.of(socket));
		}
		Path file = Path.of(keyFile);
		PublicKey wanted = KeyFileSigningKey.publicKeyOf(file);
		if (agent && wanted != null) {
			SigningKey held = agentKey(Path.of(socket), wanted);
			if (held != null) {
				return held;
			}
		}
		if (wanted != null && keyFile.endsWith(".pub")) {
			throw new SessionRefusedException(file + " is a public key and " + (agent ? "the ssh-agent at " + socket
					+ " does not hold its private half" : "there is no ssh-agent (SSH_AUTH_SOCK is not set)"));
		}
		try {
			return KeyFileSigningKey.read(file, passphrases);
		}
		catch (SigningException ex) {
			throw new SessionRefusedException(ex.getMessage());
		}
	}

	private static SigningKey firstAgentKey(Path socket) {
		SshAgentKeys agent = open(socket);
		for (SshAgentKeys.AgentKey key : agent.keys()) {
			if (signable(key.publicKey())) {
				return new AgentSigningKey(agent, key);
			}
		}
		agent.close();
		throw new SessionRefusedException("--sign: the ssh-agent at " + socket + " holds no ed25519, ecdsa or rsa key "
				+ "(ssh-add KEY, or --sign-key FILE)");
	}

	/** The agent's key equal to {@code wanted}, or null when it does not hold it (or cannot be reached). */
	private static SigningKey agentKey(Path socket, PublicKey wanted) {
		SshAgentKeys agent;
		try {
			agent = SshAgentKeys.at(socket);
		}
		catch (IOException ex) {
			return null;
		}
		byte[] blob = new Buffer.PlainBuffer().putPublicKey(wanted).getCompactData();
		for (SshAgentKeys.AgentKey key : agent.keys()) {
			if (Arrays.equals(new Buffer.PlainBuffer().putPublicKey(key.publicKey()).getCompactData(), blob)) {
				return new AgentSigningKey(agent, key);
			}
		}
		agent.close();
		return null;
	}

	private static SshAgentKeys open(Path socket) {
		try {
			return SshAgentKeys.at(socket);
		}
		catch (IOException ex) {
			throw new SessionRefusedException("--sign: " + ex.getMessage());
		}
	}

	private static boolean signable(PublicKey key) {
		try {
			SshSignature.algorithmFor(key);
			return true;
		}
		catch (SigningException ex) {
			return false;
		}
	}

}
