package dev.runbookshell.session;

import java.io.IOException;
import java.security.PublicKey;

import dev.runbookshell.journal.signing.SigningKey;
import dev.runbookshell.journal.signing.SshSignature;
import dev.runbookshell.targets.ssh.SshAgentKeys;

/** A journal signing key held by the operator's ssh-agent: the private half never leaves the agent. */
final class AgentSigningKey implements SigningKey {

	private final SshAgentKeys agent;

	private final SshAgentKeys.AgentKey key;

	AgentSigningKey(SshAgentKeys agent, SshAgentKeys.AgentKey key) {
		this.agent = agent;
		this.key = key;
	}

	@Override
	public PublicKey publicKey() {
		return this.key.publicKey();
	}

	@Override
	public byte[] sign(byte[] data) throws IOException {
		return this.agent.sign(this.key, data, SshSignature.algorithmFor(this.key.publicKey()));
	}

	@Override
	public String describe() {
		return SshSignature.describe(this.key.publicKey()) + " (ssh-agent"
				+ (this.key.comment().isBlank() ? "" : " \"" + this.key.comment() + "\"") + ")";
	}

	@Override
	public void close() {
		this.agent.close();
	}

}
