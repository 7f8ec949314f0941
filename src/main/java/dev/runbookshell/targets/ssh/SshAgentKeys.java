package dev.runbookshell.targets.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;

import net.schmizz.sshj.common.Buffer;

/**
 * The operator's ssh-agent for other uses than logging in (signing journals): the keys it holds and signatures
 * made with them, through the same deadline-bound client the SSH login uses. Closeable: it holds the agent's socket.
 */
public final class SshAgentKeys implements AutoCloseable {

	/** A key the agent holds, with the comment ssh-add gave it. */
	public record AgentKey(PublicKey publicKey, String comment) {
	}

	private final SshAgent agent;

	private final List<SshAgent.Key> keys;

	private SshAgentKeys(SshAgent agent, List<SshAgent.Key> keys) {
		this.agent = agent;
		this.keys = keys;
	}

	/**
	 * Connects to the agent at {@code socket} and lists its keys.
	 * @throws IOException when it cannot be reached or does not answer within a few seconds
	 */
	public static SshAgentKeys at(Path socket) throws IOException {
		SshAgent agent = SshAgent.at(socket);
		try {
			return new SshAgentKeys(agent, agent.keys());
		}
		catch (IOException | RuntimeException ex) {
			agent.close();
			throw ex;
		}
	}

	public Path socket() {
		return this.agent.socket();
	}

	/** The keys in the agent's order. */
	public List<AgentKey> keys() {
		return this.keys.stream().map(key -> new AgentKey(key.publicKey(), key.comment())).toList();
	}

	/**
	 * The SSH signature (algorithm name and bytes) of {@code data} by the agent's {@code key}.
	 * @param algorithm e.g. {@code ssh-ed25519}, {@code rsa-sha2-512}
	 * @throws IOException when the agent refuses, is gone, or does not answer in time
	 */
	public byte[] sign(AgentKey key, byte[] data, String algorithm) throws IOException {
		byte[] blob = new Buffer.PlainBuffer().putPublicKey(key.publicKey()).getCompactData();
		for (SshAgent.Key held : this.keys) {
			if (Arrays.equals(held.blob(), blob)) {
				return this.agent.sign(held, data, algorithm);
			}
		}
		throw new IOException("the ssh-agent at " + socket() + " does not hold that key");
	}

	@Override
	public void close() {
		this.agent.close();
	}

}
