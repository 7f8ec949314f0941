package dev.runbookshell.targets;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.runbookshell.testsupport.DockerTestEngine;

/** The contract in a running container that has bash ({@code docker://}). */
class DockerBashTargetSessionIT extends TargetSessionContract {

	private static DockerTestEngine docker;

	private static String container;

	@BeforeAll
	static void startContainer() {
		docker = DockerTestEngine.require();
		container = docker.startContainer(DockerTestEngine.BASH_IMAGE);
	}

	@AfterAll
	static void removeContainer() {
		if (docker != null) {
			docker.remove(container);
			docker.close();
		}
	}

	@Override
	protected Target target() {
		return new TargetFactory().create(new TargetDefinition("docker-bash", "docker://" + container, Map.of()));
	}

	@Override
	protected String expectedShell() {
		return "bash";
	}

}
