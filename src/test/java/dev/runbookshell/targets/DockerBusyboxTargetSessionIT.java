package dev.runbookshell.targets;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;

import dev.runbookshell.testsupport.DockerTestEngine;

/** The contract in a throwaway container of an image without bash ({@code docker+image://}): busybox sh. */
class DockerBusyboxTargetSessionIT extends TargetSessionContract {

	@BeforeAll
	static void requireImages() {
		DockerTestEngine.require().close();
	}

	@Override
	protected Target target() {
		return new TargetFactory()
			.create(new TargetDefinition("docker-busybox", "docker+image://" + DockerTestEngine.BUSYBOX_IMAGE, Map.of()));
	}

	@Override
	protected String expectedShell() {
		return "sh";
	}

}
