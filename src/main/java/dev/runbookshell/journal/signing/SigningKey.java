package dev.runbookshell.journal.signing;

import java.io.IOException;
import java.security.PublicKey;

/**
 * A key that signs journals: a private key read from a file, or one held by the operator's ssh-agent. Signing may
 * wait for the agent (bounded there), so it is never called on the journal writer's thread.
 */
public interface SigningKey extends AutoCloseable {

	PublicKey publicKey();

	/**
	 * Signs {@code data} with the key's SSHSIG algorithm (ssh-ed25519, ecdsa-sha2-*, rsa-sha2-512).
	 * @return the SSH signature: string algorithm, string signature bytes (RFC 4253 6.6)
	 * @throws IOException when the agent refuses or cannot be reached
	 */
	byte[] sign(byte[] data) throws IOException;

	/** {@code ED25519 SHA256:... (key ~/.ssh/id_ed25519)}, for messages. */
	default String describe() {
		return SshKeys.describe(publicKey());
	}

	@Override
	default void close() {
	}

}
