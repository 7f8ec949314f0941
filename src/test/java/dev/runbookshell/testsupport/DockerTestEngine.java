package dev.runbookshell.testsupport;

import java.util.Map;

import com.github.dockerjava.api.exception.NotFoundException;

import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.docker.DockerEngine;
import dev.runbookshell.targets.docker.DockerTarget;

/**
 * The local Docker engine and the test images {@code scripts/prepare-test-env} builds without a registry.
 * Missing engine or image: fails under CI=true, skips otherwise.
 */
public final class DockerTestEngine implements AutoCloseable {

	/** busybox only: POSIX sh, no bash. */
	public static final String BUSYBOX_IMAGE = "runbook-test/busybox:1";

	/** busybox plus a static bash as /bin/bash. */
	public static final String BASH_IMAGE = "runbook-test/bash:1";

	private final DockerEngine engine;

	private DockerTestEngine(DockerEngine engine) {
		this.engine = engine;
	}

	/** Connects to DOCKER_HOST and checks that both test images are there. */
	public static DockerTestEngine require() {
		DockerEngine engine = null;
		try {
			engine = DockerEngine.connect(System.getenv("DOCKER_HOST"));
		}
		catch (TargetException ex) {
			RequiredComponent.require(false, "Docker engine (" + ex.getMessage() + ")");
		}
		for (String image : new String[] { BUSYBOX_IMAGE, BASH_IMAGE }) {
			boolean present = true;
			try {
				engine.client().inspectImageCmd(image).exec();
			}
			catch (NotFoundException ex) {
				present = false;
			}
			if (!present) {
				engine.close();
			}
			RequiredComponent.require(present, "Docker test image " + image);
		}
		return new DockerTestEngine(engine);
	}

	public DockerEngine engine() {
		return this.engine;
	}

	/** Starts a labelled container of {@code image} that idles until removed; returns its id. */
	public String startContainer(String image) {
		String id = this.engine.client()
			.createContainerCmd(image)
			.withLabels(Map.of(DockerTarget.THROWAWAY_LABEL, "true"))
			.withEntrypoint("sh", "-c", "trap 'exit 0' TERM; while :; do sleep 3600 & wait $!; done")
			.exec()
			.getId();
		this.engine.client().startContainerCmd(id).exec();
		return id;
	}

	public void remove(String containerId) {
		try {
			this.engine.client().removeContainerCmd(containerId).withForce(true).exec();
		}
		catch (NotFoundException ex) {
			// Already gone.
		}
	}

	public boolean exists(String containerId) {
		try {
			this.engine.client().inspectContainerCmd(containerId).exec();
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.engine.close();
	}

}
