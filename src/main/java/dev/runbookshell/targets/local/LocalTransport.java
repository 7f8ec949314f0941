package dev.runbookshell.targets.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.runbookshell.targets.ShellOutput;
import dev.runbookshell.targets.ShellProcess;
import dev.runbookshell.targets.ShellTransport;
import dev.runbookshell.targets.StreamPumps;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetException.Reason;

/** Shells as child processes of this JVM. */
final class LocalTransport implements ShellTransport {

	private static final long SIDE_COMMAND_TIMEOUT_SECONDS = 5;

	private static final List<String> SETSID = List.of("/usr/bin/setsid", "/bin/setsid");

	private final Path cwd;

	private final String fingerprint = "local:" + ThisMachine.hostName();

	LocalTransport(Path cwd) {
		this.cwd = cwd;
	}

	@Override
	public ShellProcess start(String command, ShellOutput output) throws TargetException {
		if (!Files.isDirectory(this.cwd)) {
			throw new TargetException(Reason.EXEC, "local: working directory " + this.cwd + " does not exist");
		}
		try {
			Process process = new ProcessBuilder(shellCommand(command)).directory(this.cwd.toFile()).start();
			StreamPumps pumps = StreamPumps.start("local-shell", process.getInputStream(), process.getErrorStream(),
					output);
			return new LocalShell(process, pumps);
		}
		catch (IOException ex) {
			throw new TargetException(Reason.EXEC, "local: cannot start /bin/sh: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void runSideCommand(String script) throws TargetException {
		try {
			Process process = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			try (OutputStream stdin = process.getOutputStream()) {
				if (!process.waitFor(SIDE_COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new TargetException(Reason.EXEC, "local: signalling the block took over 5 s");
				}
			}
		}
		catch (IOException ex) {
			throw new TargetException(Reason.EXEC, "local: cannot signal the block: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TargetException(Reason.INTERRUPTED, "local: interrupted while signalling the block");
		}
	}

	@Override
	public String query(String script) throws TargetException {
		try {
			Process process = new ProcessBuilder("/bin/sh", "-c", script).redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			try (OutputStream stdin = process.getOutputStream(); var stdout = process.getInputStream()) {
				byte[] printed = stdout.readNBytes(64 * 1024);
				if (!process.waitFor(SIDE_COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new TargetException(Reason.EXEC, "local: asking about the previous block took over 5 s");
				}
				return new String(printed, java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new TargetException(Reason.EXEC, "local: cannot ask about the previous block: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TargetException(Reason.INTERRUPTED, "local: interrupted while asking about the previous block");
		}
	}

	@Override
	public boolean isConnected() {
		return true;
	}

	@Override
	public void reconnect() {
		// Nothing to reconnect to: the next shell simply starts.
	}

	@Override
	public String describe() {
		return "local";
	}

	@Override
	public String fingerprint() {
		return this.fingerprint;
	}

	@Override
	public void close() {
		// Each shell is closed by its session.
	}

	private record LocalShell(Process process, StreamPumps pumps) implements ShellProcess {

		@Override
		public OutputStream stdin() {
			return this.process.getOutputStream();
		}

		@Override
		public Integer awaitExit(Duration timeout) {
			try {
				return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? this.process.exitValue() : null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}

		@Override
		public void close() {
			try {
				this.process.getOutputStream().close();
			}
			catch (IOException ex) {
				// Already gone.
			}
			if (this.process.isAlive()) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly();
			}
			this.pumps.join(1000);
		}

	}

	/**
	 * The shell in a session of its own (setsid) where available: Ctrl-C at the operator's terminal signals the
	 * terminal's foreground process group, which would otherwise kill the shell and its state together with the
	 * tool's JVM. The tool then interrupts just the running block itself.
	 */
	private static List<String> shellCommand(String command) {
		for (String setsid : SETSID) {
			if (Files.isExecutable(Path.of(setsid))) {
				return List.of(setsid, "/bin/sh", "-c", command);
			}
		}
		return List.of("/bin/sh", "-c", command);
	}

}
