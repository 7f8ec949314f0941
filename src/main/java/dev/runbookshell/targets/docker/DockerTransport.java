package dev.runbookshell.targets.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;

import dev.runbookshell.targets.AliveCheck;
import dev.runbookshell.targets.ShellOutput;
import dev.runbookshell.targets.ShellProcess;
import dev.runbookshell.targets.ShellTransport;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetException.Reason;

/**
 * Shells as {@code docker exec} processes with stdin attached (no TTY, so stdout and stderr stay apart); side
 * commands as further execs. While a shell is attached an {@link EngineWatch} pings the engine: one that stops
 * answering ends the shell's stream, so the running block ends as a lost connection. A throwaway container is
 * removed at close.
 */
final class DockerTransport implements ShellTransport {

	private static final long SIDE_COMMAND_TIMEOUT_SECONDS = 5;

	/** A request the engine answers at once when it answers at all; a create on a busy engine may take a while. */
	private static final Duration ENGINE_ANSWER = Duration.ofSeconds(30);

	/** How long a container that refused the probe may still look running before the loss is told without its state. */
	private static final Duration LOSS_EXPLANATION = Duration.ofSeconds(3);

	/** The side command's own wait, and the requests around it. */
	private static final Duration SIDE_COMMAND_BOUND = Duration.ofSeconds(SIDE_COMMAND_TIMEOUT_SECONDS + 10);

	private final DockerEngine engine;

	private final String containerId;

	private final String description;

	private final boolean throwaway;

	private final AliveCheck aliveCheck;

	/** The watch of the shell attached last; null before the first. */
	private volatile EngineWatch watch;

	/** What the container was found to be when it was last found not running, or null. */
	private volatile String stopped;

	/** What keeps a throwaway container alive: closed after its removal, the container ends by itself. */
	private final java.io.Closeable lifeline;

	DockerTransport(DockerEngine engine, String containerId, String description, boolean throwaway,
			AliveCheck aliveCheck, java.io.Closeable lifeline) {
		this.lifeline = lifeline;
		this.engine = engine;
		this.containerId = containerId;
		this.description = description;
		this.throwaway = throwaway;
		this.aliveCheck = aliveCheck;
	}

	@Override
	public ShellProcess start(String command, ShellOutput output) throws TargetException {
		DockerClient client = this.engine.client();
		try {
			String execId = this.engine.call(ENGINE_ANSWER, "the exec of a shell", () -> client
				.execCreateCmd(this.containerId)
				.withAttachStdin(true)
				.withAttachStdout(true)
				.withAttachStderr(true)
				.withTty(false)
				.withCmd("sh", "-c", command)
				.exec()
				.getId());
			BytePipe stdin = new BytePipe();
			FrameRouter router = client.execStartCmd(execId).withStdIn(stdin.input()).exec(new FrameRouter(output));
			EngineWatch shellWatch = EngineWatch.start(this.engine, this.aliveCheck, router::abandon);
			this.watch = shellWatch;
			this.stopped = null;
			return new DockerShell(this.engine, execId, stdin, router, shellWatch);
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
	 * Runs {@code script} in an exec of its own, its stdout into {@code printed} (or dropped), within a bound: a
	 * silent engine is an error, not a wait.
	 * @param what for the error message: {@code signal the block in }
	 */
	private Long exec(String script, java.io.ByteArrayOutputStream printed, String what) throws TargetException {
		if (engineLost()) {
			throw new TargetException(Reason.CONNECT, lossCause());
		}
		try {
			return this.engine.call(SIDE_COMMAND_BOUND, "a command beside the shell", () -> runBeside(script, printed));
		}
		catch (RuntimeException ex) {
			throw new TargetException(Reason.EXEC, "cannot " + what + describe() + ": " + ex.getMessage(), ex);
		}
	}

	private Long runBeside(String script, java.io.ByteArrayOutputStream printed) {
		DockerClient client = this.engine.client();
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
		catch (IOException ex) {
			// closing the finished stream: its exit code is asked below either way
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // the caller stopped waiting
			return null;
		}
		return client.inspectExecCmd(execId).exec().getExitCodeLong();
	}

	/**
	 * Asked when a shell's stream ended. The engine marks a killed container stopped only a moment after its execs
	 * ended, so a container that still looks running must also accept a new exec.
	 */
	@Override
	public boolean isConnected() {
		if (engineLost()) {
			return false;
		}
		try {
			if (!running()) {
				return false;
			}
			// A killed container can accept an exec for a moment: only one that ran and exited 0 proves it alive,
			// and the container must still be running afterwards.
			Long probe = sideCommand("true");
			if (probe != null && probe == 0 && running()) {
				return true;
			}
		}
		catch (RuntimeException | TargetException ex) {
			// a container being killed refuses the exec; below the engine says what it became
		}
		explainLoss();
		return false;
	}

	/**
	 * Gives the engine a moment to mark a container that refused the probe stopped, so that the loss names what
	 * became of it ("the container is exited, exit code 137") instead of nothing.
	 */
	private void explainLoss() {
		this.stopped = null;
		long deadline = System.nanoTime() + LOSS_EXPLANATION.toNanos();
		try {
			while (System.nanoTime() - deadline < 0 && this.stopped == null && running()) {
				Thread.sleep(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException | TargetException ex) {
			// the engine gave no answer: the loss is told without the container's state
		}
		if (this.stopped == null) {
			this.stopped = "the container did not run a command beside the shell";
		}
	}

	/** Whether the container runs; when it does not, what it is now is kept for {@link #lossCause()}. */
	private boolean running() throws TargetException {
		InspectContainerResponse.ContainerState state = this.engine.call(ENGINE_ANSWER, "the container's inspection",
				() -> this.engine.client().inspectContainerCmd(this.containerId).exec().getState());
		if (Boolean.TRUE.equals(state.getRunning())) {
			return true;
		}
		this.stopped = "the container is " + state.getStatus()
				+ (state.getExitCodeLong() == null ? "" : ", exit code " + state.getExitCodeLong());
		return false;
	}

	private boolean engineLost() {
		EngineWatch current = this.watch;
		return current != null && current.lost();
	}

	@Override
	public String lossCause() {
		if (engineLost()) {
			return "the Docker engine at DOCKER_HOST=" + this.engine.host() + " gave "
					+ this.aliveCheck.unanswered("ping");
		}
		return this.stopped;
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
				this.engine.call(ENGINE_ANSWER, "the removal of the throwaway container", () -> this.engine.client()
					.removeContainerCmd(this.containerId)
					.withForce(true)
					.exec());
			}
			catch (RuntimeException | TargetException ex) {
				// Already gone, or the engine does not answer; the label lets an operator find any leftover.
			}
		}
		try {
			this.lifeline.close();
		}
		catch (IOException ex) {
			// The engine closes the container's stdin with the connection anyway.
		}
		this.engine.close();
	}

	private record DockerShell(DockerEngine engine, String execId, BytePipe pipe, FrameRouter router,
			EngineWatch watch) implements ShellProcess {

		@Override
		public OutputStream stdin() {
			return this.pipe.output();
		}

		@Override
		public Integer awaitExit(Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			try {
				while (!this.watch.lost()) {
					InspectExecResponse exec = this.engine.call(timeout, "the exec's inspection",
							() -> this.engine.client().inspectExecCmd(this.execId).exec());
					if (!Boolean.TRUE.equals(exec.isRunning())) {
						Long code = exec.getExitCodeLong();
						return code == null ? null : code.intValue();
					}
					if (System.nanoTime() > deadline) {
						return null;
					}
					Thread.sleep(20);
				}
				return null;
			}
			catch (RuntimeException | TargetException ex) {
				return null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}

		@Override
		public void close() {
			this.watch.close();
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
