package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.targets.docker.DockerEngine;
import dev.runbookshell.testsupport.DockerTestEngine;
import dev.runbookshell.testsupport.Poll;
import dev.runbookshell.testsupport.RequiredComponent;
import dev.runbookshell.testsupport.StallingUnixProxy;

/**
 * A Docker target that goes away during a block, through the built jar against the real engine: an engine that
 * stops answering (a proxy in front of its socket that stalls), a container killed mid-block, a container that
 * died while the operator was being asked. The block is unknown, the run exits 3, no stack trace is shown.
 */
class DockerConnectionLossIT {

	private static DockerTestEngine docker;

	@TempDir
	Path dir;

	private String container;

	@BeforeAll
	static void requireDocker() {
		docker = DockerTestEngine.require();
	}

	@AfterAll
	static void closeDocker() {
		if (docker != null) {
			docker.close();
		}
	}

	@BeforeEach
	void startContainer() throws Exception {
		this.container = docker.startContainer(DockerTestEngine.BASH_IMAGE);
		ConnectionLossChecks.writePlan(this.dir);
	}

	@AfterEach
	void removeContainer() {
		docker.remove(this.container);
	}

	@Test
	void anEngineThatStopsAnsweringMidBlockIsFoundByPingsAndTheRunExitsThree() throws Exception {
		String engine = docker.engine().host();
		RequiredComponent.require(engine.startsWith("unix://"), "a Docker engine on a unix socket (DOCKER_HOST=" + engine
				+ ")", "unset DOCKER_HOST or point it at the engine's unix socket");
		try (StallingUnixProxy proxy = StallingUnixProxy.start(Path.of(engine.substring("unix://".length())),
				this.dir.resolve("engine.sock"))) {
			Process run = RunbookCli.start(this.dir, null, Map.of("DOCKER_HOST", proxy.dockerHost()), "run", "plan.md",
					"--target", "docker://" + this.container + "?keep-alive=1&keep-alive-max=3", "--yes", "--log-dir",
					"logs");
			ConnectionLossChecks.awaitOutput(this.dir, ConnectionLossChecks.RUNNING, run);

			proxy.stall();
			// the block would sleep for 120 s, and a hung engine would hold it forever: the pings end it
			RunbookCli.Result result = RunbookCli.waitFor(run, this.dir, Duration.ofSeconds(60));

			ConnectionLossChecks.assertLost(result, this.dir, "1.1",
					"the Docker engine at DOCKER_HOST=" + proxy.dockerHost() + " gave no answer to 3 pings 1 s apart");
		}
	}

	@Test
	void aContainerKilledMidBlockIsUnknownAndTheRunExitsThreeWithoutAStackTrace() throws Exception {
		Process run = RunbookCli.start(this.dir, "run", "plan.md", "--target", "docker://" + this.container, "--yes",
				"--log-dir", "logs");
		ConnectionLossChecks.awaitOutput(this.dir, ConnectionLossChecks.RUNNING, run);

		docker.engine().client().killContainerCmd(this.container).exec();
		RunbookCli.Result result = RunbookCli.waitFor(run, this.dir, Duration.ofSeconds(60));

		ConnectionLossChecks.assertLost(result, this.dir, "1.1", "the container is exited");
	}

	@Test
	void aContainerThatDiedWhileTheOperatorWasAskedShowsNoStackTraceAndTheBlockIsUnknown() throws Exception {
		Path debugLog = this.dir.resolve("debug.log");
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir, "RUNBOOK_DEBUG_LOG=" + debugLog + " java -jar "
				+ RunbookCli.JAR + " run plan.md --target docker://" + this.container + " --log-dir logs; echo EXIT=$?; "
				+ "sleep 30")) {
			terminal.await("[y] run", Duration.ofSeconds(60));
			docker.engine().client().killContainerCmd(this.container).exec();
			awaitStopped();

			terminal.type("y");
			String asked = terminal.await("[r] retry", Duration.ofSeconds(60));
			assertThat(asked).contains("1.1 long unknown").contains("the container is exited")
				.doesNotContain("Exception").doesNotContain("\tat ");
			terminal.type("q");
			String end = terminal.await("EXIT=", Duration.ofSeconds(60));
			assertThat(end).contains("EXIT=3").doesNotContain("Exception").doesNotContain("after-ran");
		}
		// docker-java's stdin thread died writing the block into the dead container: its trace is kept, off screen
		assertThat(Files.readString(debugLog)).contains("ClosedChannelException");
	}

	/** The engine says the container stopped a moment after the kill returns. */
	private void awaitStopped() throws InterruptedException {
		DockerEngine engine = docker.engine();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (Boolean.TRUE.equals(engine.client().inspectContainerCmd(this.container).exec().getState().getRunning())) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("container " + this.container + " still running 30 s after the kill");
			}
			Thread.sleep(Poll.MILLIS);
		}
	}

}
