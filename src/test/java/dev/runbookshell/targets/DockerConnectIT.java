package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.runbookshell.targets.ExecResult.Outcome;
import dev.runbookshell.targets.TargetException.Reason;
import dev.runbookshell.targets.docker.DockerEngine;
import dev.runbookshell.testsupport.DockerTestEngine;
import dev.runbookshell.testsupport.Poll;

/** Reaching the Docker engine and its containers, and what happens when they are not there. */
class DockerConnectIT {

	private static DockerTestEngine docker;

	@BeforeAll
	static void requireDocker() {
		docker = DockerTestEngine.require();
	}

	@AfterAll
	static void closeDocker() {
		if (docker != null) { // null when the engine was missing and the class was skipped
			docker.close();
		}
	}

	@Test
	void theClientSpeaksTheApiVersionTheDaemonAnnounces() throws Exception {
		Process version = new ProcessBuilder("docker", "version", "-f", "{{.Server.APIVersion}}").start();
		String daemonVersion = new String(version.getInputStream().readAllBytes()).strip();
		version.waitFor();
		try (DockerEngine engine = DockerEngine.connect(System.getenv("DOCKER_HOST"))) {
			assertThat(engine.apiVersion()).isEqualTo(daemonVersion);
			assertThat(engine.client().versionCmd().exec().getApiVersion()).isEqualTo(daemonVersion);
		}
	}

	@Test
	void aDaemonThatIsNotThereIsAConnectFailureNamingDockerHost() {
		Target target = new TargetFactory(name -> name.equals("DOCKER_HOST") ? "unix:///nonexistent.sock" : null,
				Path.of("/nonexistent")).create(new TargetDefinition("d", "docker://anything", Map.of()));
		TargetException refused = catchThrowableOfType(TargetException.class, () -> target.open(TargetPrompts.refusing()));
		assertThat(refused.reason()).isEqualTo(Reason.CONNECT);
		assertThat(refused.getMessage()).contains("DOCKER_HOST=unix:///nonexistent.sock");
	}

	@Test
	void aMissingContainerIsAConnectFailureNamingIt() {
		Target target = new TargetFactory().create(new TargetDefinition("d", "docker://rb-no-such-container", Map.of()));
		TargetException refused = catchThrowableOfType(TargetException.class, () -> target.open(TargetPrompts.refusing()));
		assertThat(refused.reason()).isEqualTo(Reason.CONNECT);
		assertThat(refused.getMessage()).contains("container rb-no-such-container does not exist");
	}

	@Test
	void aThrowawayContainerIsRemovedWhenTheSessionCloses() throws Exception {
		Target target = new TargetFactory()
			.create(new TargetDefinition("t", "docker+image://" + DockerTestEngine.BUSYBOX_IMAGE, Map.of()));
		String containerId;
		try (TargetSession session = target.open(TargetPrompts.refusing())) {
			containerId = session.fingerprint();
			CollectingSink sink = new CollectingSink();
			session.execute(ExecRequest.of("host", "hostname"), sink);
			assertThat(containerId).startsWith(sink.out().strip());
			assertThat(docker.exists(containerId)).isTrue();
		}
		assertThat(docker.exists(containerId)).isFalse();
	}

	@Test
	void aThrowawayContainerEndsWhenTheToolIsKilledWithoutClosingIt() throws Exception {
		Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), HoldsAThrowaway.class.getName())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		String containerId;
		try (BufferedReader printed = new BufferedReader(
				new InputStreamReader(tool.getInputStream(), StandardCharsets.UTF_8))) {
			containerId = printed.readLine();
			assertThat(containerId).as("the child's first line: the container it opened").isNotBlank();
			assertThat(docker.exists(containerId)).isTrue();
			tool.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		finally {
			tool.destroyForcibly();
		}

		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (docker.exists(containerId) && System.nanoTime() < deadline) {
			Thread.sleep(Poll.MILLIS);
		}
		boolean left = docker.exists(containerId);
		if (left) {
			docker.remove(containerId);
		}
		assertThat(left).as("container " + containerId + " still there 60 s after its tool was killed").isFalse();
	}

	/** A tool that opens a throwaway container, says which, and holds it open until it is killed. */
	static final class HoldsAThrowaway {

		public static void main(String[] args) throws Exception {
			Target target = new TargetFactory()
				.create(new TargetDefinition("t", "docker+image://" + DockerTestEngine.BUSYBOX_IMAGE, Map.of()));
			TargetSession session = target.open(TargetPrompts.refusing());
			System.out.println(session.fingerprint());
			System.out.flush();
			new java.util.concurrent.CountDownLatch(1).await(10, TimeUnit.MINUTES);
		}

	}

	@Test
	void aContainerThatDiesMarksTheBlockLostAndNothingRunsUntilReconnect() throws Exception {
		String container = docker.startContainer(DockerTestEngine.BUSYBOX_IMAGE);
		try (TargetSession session = new TargetFactory()
			.create(new TargetDefinition("d", "docker://" + container, Map.of()))
			.open(TargetPrompts.refusing())) {
			CollectingSink sink = new CollectingSink();
			// killed once the block shows it runs, not after a guess at how long starting it takes
			Thread killer = new Thread(() -> {
				if (SshConnectIT.awaitOut(sink, "started")) {
					docker.engine().client().killContainerCmd(container).exec();
				}
			});
			killer.start();
			ExecResult lost = session.execute(ExecRequest.of("long", "echo started; sleep 20"), sink);
			killer.join();
			assertThat(lost.outcome()).isEqualTo(Outcome.CONNECTION_LOST);
			assertThat(lost.exitCode()).isNull();
			assertThat(lost.message()).contains(container.substring(0, 12));
			TargetException refused = catchThrowableOfType(TargetException.class,
					() -> session.execute(ExecRequest.of("next", "true"), new CollectingSink()));
			assertThat(refused.getMessage()).contains("reconnect first");
		}
		finally {
			docker.remove(container);
		}
	}

}
