package dev.runbookshell.targets.docker;

import java.util.Map;
import java.util.function.Function;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;

import dev.runbookshell.targets.AliveCheck;
import dev.runbookshell.targets.SentinelShellSession;
import dev.runbookshell.targets.Target;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetException.Reason;
import dev.runbookshell.targets.TargetPrompts;
import dev.runbookshell.targets.TargetSession;

/**
 * A Docker container: a running one ({@code docker://name}), or a throwaway one made from an image
 * ({@code docker+image://image}), labelled {@value #THROWAWAY_LABEL} and removed when the session closes.
 */
public final class DockerTarget implements Target {

	/** The label on every container this target creates, so leftovers can be found and removed. */
	public static final String THROWAWAY_LABEL = "dev.runbookshell.throwaway";

	private final String name;

	private final String uri;

	private final String containerOrImage;

	private final boolean throwaway;

	private final String shell;

	private final AliveCheck aliveCheck;

	private final Function<String, String> environment;

	private DockerTarget(String name, String uri, String containerOrImage, boolean throwaway, String shell,
			AliveCheck aliveCheck, Function<String, String> environment) {
		this.name = name;
		this.uri = uri;
		this.containerOrImage = containerOrImage;
		this.throwaway = throwaway;
		this.shell = shell;
		this.aliveCheck = aliveCheck;
		this.environment = environment;
	}

	/**
	 * A shell in the running container {@code container} (name or id).
	 * @param aliveCheck how often the engine is pinged while a shell is attached
	 */
	public static DockerTarget running(String name, String uri, String container, String shell,
			AliveCheck aliveCheck, Function<String, String> environment) {
		return new DockerTarget(name, uri, container, false, shell, aliveCheck, environment);
	}

	/** A shell in a new container of {@code image}, removed at close. The image must be present locally. */
	public static DockerTarget throwawayFromImage(String name, String uri, String image, String shell,
			AliveCheck aliveCheck, Function<String, String> environment) {
		return new DockerTarget(name, uri, image, true, shell, aliveCheck, environment);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String uri() {
		return this.uri;
	}

	@Override
	public TargetSession open(TargetPrompts prompts) throws TargetException {
		DockerEngine engine = DockerEngine.connect(this.environment.apply("DOCKER_HOST"));
		DockerTransport transport;
		try {
			transport = this.throwaway ? createThrowaway(engine) : attachRunning(engine);
		}
		catch (TargetException | RuntimeException ex) {
			engine.close();
			throw ex;
		}
		return SentinelShellSession.open(transport, this.shell);
	}

	private DockerTransport attachRunning(DockerEngine engine) throws TargetException {
		InspectContainerResponse container;
		try {
			container = engine.client().inspectContainerCmd(this.containerOrImage).exec();
		}
		catch (NotFoundException ex) {
			throw new TargetException(Reason.CONNECT, "container " + this.containerOrImage
					+ " does not exist on DOCKER_HOST=" + engine.host(), ex);
		}
		if (!Boolean.TRUE.equals(container.getState().getRunning())) {
			throw new TargetException(Reason.CONNECT, "container " + this.containerOrImage + " is not running ("
					+ container.getState().getStatus() + ") on DOCKER_HOST=" + engine.host());
		}
		return new DockerTransport(engine, container.getId(),
				"container " + this.containerOrImage + " (" + container.getId().substring(0, 12) + ")", false,
				this.aliveCheck, () -> {
				});
	}

	private DockerTransport createThrowaway(DockerEngine engine) throws TargetException {
		DockerClient client = engine.client();
		try {
			client.inspectImageCmd(this.containerOrImage).exec();
		}
		catch (NotFoundException ex) {
			throw new TargetException(Reason.CONNECT, "image " + this.containerOrImage + " is not present on DOCKER_HOST="
					+ engine.host() + " (pull or build it first)", ex);
		}
		// The container lives as long as this tool holds its stdin: when the tool ends without closing the session
		// (killed, its machine lost), the engine closes that stdin, the container's shell reads the end and exits,
		// and the engine removes the container, as `docker run -i --rm` does.
		String id = client.createContainerCmd(this.containerOrImage)
			.withLabels(Map.of(THROWAWAY_LABEL, "true"))
			.withEntrypoint("sh", "-c", "trap 'exit 0' TERM; while read -r _; do :; done")
			.withCmd()
			.withStdinOpen(true)
			.withStdInOnce(true)
			.withHostConfig(HostConfig.newHostConfig().withAutoRemove(true))
			.exec()
			.getId();
		BytePipe lifeline = new BytePipe();
		Lifeline attached = new Lifeline();
		try {
			client.attachContainerCmd(id).withStdIn(lifeline.input()).withFollowStream(true).exec(attached);
			// without the attach the container would outlive a killed tool: no attach, no container
			attached.awaitAttached(this.containerOrImage);
			client.startContainerCmd(id).exec();
		}
		catch (RuntimeException | TargetException ex) {
			lifeline.close();
			closeQuietly(attached);
			try {
				client.removeContainerCmd(id).withForce(true).exec();
			}
			catch (RuntimeException removal) {
				ex.addSuppressed(removal); // the label lets an operator find it
			}
			throw ex instanceof TargetException target ? target
					: new TargetException(Reason.CONNECT, "cannot start a container of " + this.containerOrImage + ": "
							+ ex.getMessage(), ex);
		}
		return new DockerTransport(engine, id,
				"throwaway container " + id.substring(0, 12) + " of " + this.containerOrImage, true, this.aliveCheck,
				() -> {
					lifeline.close();
					attached.close();
				});
	}

	private static void closeQuietly(java.io.Closeable closeable) {
		try {
			closeable.close();
		}
		catch (java.io.IOException ex) {
			// closing an attach that never worked: nothing is left to keep
		}
	}

	/** The attach that holds a throwaway container's stdin, and whether the engine took it. */
	private static final class Lifeline extends ResultCallback.Adapter<Frame> {

		private static final long ATTACH_SECONDS = 30;

		private volatile Throwable failure;

		@Override
		public void onError(Throwable throwable) {
			this.failure = throwable;
			super.onError(throwable);
		}

		void awaitAttached(String image) throws TargetException {
			boolean started;
			try {
				started = awaitStarted(ATTACH_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new TargetException(Reason.CONNECT, "interrupted while attaching to a container of " + image, ex);
			}
			if (!started || this.failure != null) {
				throw new TargetException(Reason.CONNECT, "cannot attach to a new container of " + image
						+ (this.failure == null ? " within " + ATTACH_SECONDS + " s" : ": " + this.failure.getMessage()),
						this.failure);
			}
		}

	}

}
