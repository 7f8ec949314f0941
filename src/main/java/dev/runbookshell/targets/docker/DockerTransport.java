package dev.runbookshell.targets.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import dev.runbookshell.targets.ShellOutput;
import dev.runbookshell.targets.ShellProcess;
import dev.runbookshell.targets.ShellTransport;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetException.Reason;

/**
 * Shells as {@code docker exec} processes with stdin attached (no TTY, so stdout and stderr stay apart); side
 * commands as further execs. A throwaway container is removed at close.
 */
final class DockerTransport implements ShellTransport {

	private static final long SIDE_COMMAND_TIMEOUT_SECONDS = 5;

	private final DockerEngine engine;

	private final String containerId;

	private final String description;

	private final boolean throwaway;

	DockerTransport(DockerEngine engine, String containerId, String description, boolean throwaway) {
		this.engine = engine;
		this.containerId = containerId;
		this.description = description;
		this.throwaway = throwaway;
	}

	@Override
	public ShellProcess start(String command, ShellOutput output) throws TargetException {
		DockerClient client = this.engine.client();
		try {
			String execId = client.execCreateCmd(this.containerId)
				.withAttachStdin(true)
				.withAttachStdout(true)
				.withAttachStderr(true)
				.withTty(false)
				.withCmd("sh", "-c", command)
				.exec()
				.getId();
			BytePipe stdin = new BytePipe();
			FrameRouter router = client.execStartCmd(execId).withStdIn(stdin.input()).exec(new FrameRouter(output));
			return new DockerShell(client, execId, stdin, router);
		}
		catch (RuntimeException ex) {
			throw new TargetException(isConnected() ? Reason.EXEC : Reason.CONNECT,
					"cannot start a shell in " + describe() + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void runSideCommand(String script) throws TargetException {
		sideCommand(script);
	}

	/** Runs {@code script} in a second exec and returns its exit code, null when the engine never ran it. */
	private Long sideCommand(String script) throws TargetException {
		return exec(script, null, "signal the block in ");
	}

	@Override
	public String query(String script) throws TargetException {
		java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
		exec(script, printed, "ask about the previous block in ");
		synchronized (printed) {
			return printed.toString(java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	/**
	 * Runs {@code script} in an exec of its own, its stdout into {@code printed} (or dropped), 5 s at most.
	 * @param what for the error message: {@code signal the block in }
	 */
	private Long exec(String script, java.io.ByteArrayOutputStream printed, String what) throws TargetException {
		DockerClient client = this.engine.client();
		try {
			String execId = client.execCreateCmd(this.containerId)
				.withAttachStdout(true)
				.withAttachStderr(printed == null)
				.withCmd("sh", "-c", script)
				.exec()
				.getId();
			ResultCallback.Adapter<Frame> collect = new ResultCallback.Adapter<>() {
				@Override
				public void onNext(Frame frame) {
					if (printed != null) {
						synchronized (printed) {
							printed.writeBytes(frame.getPayload());
						}
					}
				}
			};
			try (ResultCallback.Adapter<Frame> done = client.execStartCmd(execId).exec(collect)) {
				done.awaitCompletion(SIDE_COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
			return client.inspectExecCmd(execId).exec().getExitCodeLong();
		}
		catch (RuntimeException | IOException ex) {
			throw new TargetException(Reason.EXEC, "cannot " + what + describe() + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TargetException(Reason.INTERRUPTED, "interrupted while trying to " + what + describe());
		}
	}

	/**
	 * Asked when a shell's stream ended. The engine marks a killed container stopped only a moment after its execs
	 * ended, so a container that still looks running must also accept a new exec.
	 */
	@Override
	public boolean isConnected() {
		try {
			InspectContainerResponse container = this.engine.client().inspectContainerCmd(this.containerId).exec();
			if (!Boolean.TRUE.equals(container.getState().getRunning())) {
				return false;
			}
			// A killed container can accept an exec for a moment: only one that ran and exited 0 proves it alive,
			// and the container must still be running afterwards.
			Long probe = sideCommand("true");
			return probe != null && probe == 0 && Boolean.TRUE
				.equals(this.engine.client().inspectContainerCmd(this.containerId).exec().getState().getRunning());
		}
		catch (RuntimeException | TargetException ex) {
			return false;
		}
	}

	@Override
	public void reconnect() throws TargetException {
		if (!isConnected()) {
			throw new TargetException(Reason.CONNECT, describe() + " is not running on DOCKER_HOST="
					+ this.engine.host());
		}
	}

	@Override
	public String describe() {
		return this.description;
	}

	@Override
	public String fingerprint() {
		return this.containerId;
	}

	@Override
	public void close() {
		if (this.throwaway) {
			try {
				this.engine.client().removeContainerCmd(this.containerId).withForce(true).exec();
			}
			catch (RuntimeException ex) {
				// Already gone; the label lets an operator find any leftover.
			}
		}
		this.engine.close();
	}

	/** Demultiplexed exec output to the session; the end of the stream, however it came, ends the shell. */
	private static final class FrameRouter extends ResultCallback.Adapter<Frame> {

		private final ShellOutput output;

		private final AtomicBoolean ended = new AtomicBoolean();

		FrameRouter(ShellOutput output) {
			this.output = output;
		}

		@Override
		public void onNext(Frame frame) {
			byte[] payload = frame.getPayload();
			if (frame.getStreamType() == StreamType.STDERR) {
				this.output.stderr(payload, 0, payload.length);
			}
			else {
				this.output.stdout(payload, 0, payload.length);
			}
		}

		@Override
		public void onError(Throwable throwable) {
			end();
			super.onError(throwable);
		}

		@Override
		public void onComplete() {
			end();
			super.onComplete();
		}

		private void end() {
			if (this.ended.compareAndSet(false, true)) {
				this.output.ended();
			}
		}

	}

	private record DockerShell(DockerClient client, String execId, BytePipe pipe, FrameRouter router)
			implements ShellProcess {

		@Override
		public OutputStream stdin() {
			return this.pipe.output();
		}

		@Override
		public Integer awaitExit(Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			try {
				while (true) {
					InspectExecResponse exec = this.client.inspectExecCmd(this.execId).exec();
					if (!Boolean.TRUE.equals(exec.isRunning())) {
						Long code = exec.getExitCodeLong();
						return code == null ? null : code.intValue();
					}
					if (System.nanoTime() > deadline) {
						return null;
					}
					Thread.sleep(20);
				}
			}
			catch (RuntimeException ex) {
				return null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}

		@Override
		public void close() {
			this.pipe.close();
			try {
				this.router.close();
			}
			catch (IOException ex) {
				// The exec stream is closed either way.
			}
		}

	}

}
