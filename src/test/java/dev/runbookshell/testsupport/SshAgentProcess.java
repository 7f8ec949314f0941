package dev.runbookshell.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code ssh-agent -D -a SOCKET} for one test, fed keys with {@code ssh-add}. Nothing of it reaches
 * the JVM's environment: tests hand {@link #socket()} to the code under test as SSH_AUTH_SOCK.
 */
public final class SshAgentProcess implements AutoCloseable {

	private static final Path SSH_AGENT = Path.of("/usr/bin/ssh-agent");

	private static final Path SSH_ADD = Path.of("/usr/bin/ssh-add");

	private final Path socket;

	private final Process agent;

	private SshAgentProcess(Path socket, Process agent) {
		this.socket = socket;
		this.agent = agent;
	}

	/** Starts an agent listening on {@code socket} (which must not exist yet) and waits until it does. */
	public static SshAgentProcess start(Path socket) throws IOException, InterruptedException {
		RequiredComponent.require(Files.isExecutable(SSH_AGENT) && Files.isExecutable(SSH_ADD),
				"OpenSSH client (" + SSH_AGENT + ", " + SSH_ADD + ")");
		Process agent = new ProcessBuilder(SSH_AGENT.toString(), "-D", "-a", socket.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!Files.exists(socket)) {
			if (!agent.isAlive() || System.nanoTime() > deadline) {
				agent.destroyForcibly();
				throw new IOException("ssh-agent did not listen on " + socket + " within 10 s");
			}
			Thread.sleep(20);
		}
		return new SshAgentProcess(socket, agent);
	}

	public Path socket() {
		return this.socket;
	}

	/** {@code ssh-add KEY}: the agent holds the key from now on. */
	public void add(Path key) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(SSH_ADD.toString(), key.toString()).redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		builder.environment().put("SSH_AUTH_SOCK", this.socket.toString());
		Process add = builder.start();
		String out = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!add.waitFor(30, TimeUnit.SECONDS) || add.exitValue() != 0) {
			throw new IOException("ssh-add " + key + " failed: " + out);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.agent.destroy();
		if (!this.agent.waitFor(5, TimeUnit.SECONDS)) {
			this.agent.destroyForcibly();
		}
	}

}
