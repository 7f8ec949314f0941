package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.DockerTestEngine;

/**
 * A fleet of three real containers, one killed in the middle of a block: that host's block is unknown and it
 * leaves the fleet, the others go on within {@code --max-fail}; nothing waits for the dead one. Ctrl-C (SIGINT)
 * stops the block on every host.
 */
class FleetFaultsIT {

	private static DockerTestEngine docker;

	@TempDir
	Path dir;

	private final List<String> containers = new ArrayList<>();

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
	void startContainers() {
		for (int i = 0; i < 3; i++) {
			this.containers.add(docker.startContainer(DockerTestEngine.BASH_IMAGE));
		}
	}

	@AfterEach
	void removeContainers() {
		this.containers.forEach(docker::remove);
	}

	/** c1..c3; the first block sleeps on the hosts whose hostname (the short container id) is listed. */
	private void writePlan(List<String> sleepers) throws Exception {
		StringBuilder front = new StringBuilder("---\ntargets:\n");
		for (int i = 0; i < 3; i++) {
			front.append("  c").append(i + 1).append(": docker://").append(this.containers.get(i)).append('\n');
		}
		front.append("  web: [c1, c2, c3]\n---\n");
		String cases = String.join("|", sleepers.stream().map(id -> id.substring(0, 12) + "*").toList());
		Files.writeString(this.dir.resolve("plan.md"), front + """
				# Faults

				## Long

				```bash {name=long}
				case "$(hostname)" in %s) echo "sleeping here"; sleep 120;; *) echo quick;; esac
				```

				## After

				```bash {name=after}
				echo after-ran
				```
				""".formatted(cases));
	}

	@Test
	void aContainerKilledMidBlockIsUnknownAndLeavesTheFleetWhileTheOthersGoOn() throws Exception {
		writePlan(List.of(this.containers.get(1)));
		Process run = RunbookCli.start(this.dir, "run", "plan.md", "--target", "web", "--yes", "--max-fail", "34%",
				"--log-dir", "logs");
		ConnectionLossChecks.awaitOutput(this.dir, "c2 | sleeping here", run);
		docker.engine().client().killContainerCmd(this.containers.get(1)).exec();
		RunbookCli.Result result = RunbookCli.waitFor(run, this.dir, Duration.ofSeconds(90));

		assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
		assertThat(result.stdout()).contains("c1 | after-ran").contains("c3 | after-ran").contains("unknown on 1")
			.doesNotContain("c2 | after-ran").doesNotContain("Exception");
		JsonNode index = new FleetPlans(this.dir).index();
		assertThat(FleetPlans.state(index, "c2")).isEqualTo("unknown");
		assertThat(FleetPlans.state(index, "c1")).isEqualTo("succeeded");
		Path journal = this.dir.resolve("logs").resolve(index.at("/hosts/1/journal").asText());
		assertThat(Files.readString(journal)).contains("\"status\":\"unknown\"");
	}

	/** A run whose first block sleeps on every host, once it does. */
	private Process sleepingOnEveryHost() throws Exception {
		writePlan(this.containers);
		Process run = RunbookCli.start(this.dir, "run", "plan.md", "--target", "web", "--yes", "--log-dir", "logs");
		for (String host : List.of("c1", "c2", "c3")) {
			ConnectionLossChecks.awaitOutput(this.dir, host + " | sleeping here", run);
		}
		return run;
	}

	@Test
	void ctrlCStopsTheBlockOnEveryHost() throws Exception {
		Process run = sleepingOnEveryHost();
		new ProcessBuilder("kill", "-INT", String.valueOf(run.pid())).start().waitFor();
		RunbookCli.Result result = RunbookCli.waitFor(run, this.dir, Duration.ofSeconds(60));

		assertThat(result.exitCode()).as(result.all()).isEqualTo(130);
		assertThat(result.stdout()).contains("interrupted on 3").doesNotContain("after-ran");
		JsonNode index = new FleetPlans(this.dir).index();
		for (String host : List.of("c1", "c2", "c3")) {
			assertThat(FleetPlans.state(index, host)).isEqualTo("interrupted");
		}
	}

	@Test
	void sigtermEndsEveryHostsSessionRecordedAsInterrupted() throws Exception {
		Process run = sleepingOnEveryHost();
		run.destroy();
		RunbookCli.Result result = RunbookCli.waitFor(run, this.dir, Duration.ofSeconds(60));

		assertThat(result.exitCode()).as(result.all()).isEqualTo(130);
		try (var files = Files.list(this.dir.resolve("logs"))) {
			List<Path> journals = files.filter(f -> f.toString().endsWith(".jsonl")).toList();
			assertThat(journals).hasSize(3);
			for (Path journal : journals) {
				List<String> lines = Files.readAllLines(journal);
				assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"session-finished\"")
					.contains("\"status\":\"interrupted\"");
			}
		}
	}

}
