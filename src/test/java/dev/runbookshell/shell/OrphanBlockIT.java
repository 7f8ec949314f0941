package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.DockerTestEngine;
import dev.runbookshell.testsupport.OpenSshServerExtension;

/**
 * Never two copies of one block (issue 10, point 1): when the tool dies (kill -9) while a block runs, the block's
 * processes on the target stop within seconds, on every transport; and a resume that finds the previous block
 * still running there refuses, in one line that says how to proceed.
 */
class OrphanBlockIT {

	@RegisterExtension
	static final OpenSshServerExtension SSHD = new OpenSshServerExtension();

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dir;

	private static final String BLOCK = """
			# Orphan

			## Slow

			```bash {name=slow}
			echo started
			sleep %s
			echo finished
			```
			""";

	@Test
	void onLocalTheBlockStopsWhenTheToolIsKilled() throws Exception {
		CrashRounds.Transport local = CrashRounds.Transport.local(this.dir);
		assertTheBlockStops(local, "314.1");
		assertTheResumeLeavesNoFolderBehind(local);
	}

	@Test
	void overSshTheBlockStopsWhenTheToolIsKilled() throws Exception {
		CrashRounds.Transport ssh = CrashRounds.Transport.ssh(this.dir, SSHD);
		assertTheBlockStops(ssh, "314.2");
		assertTheResumeLeavesNoFolderBehind(ssh);
	}

	@Test
	void inDockerTheBlockStopsWhenTheToolIsKilled() throws Exception {
		try (DockerTestEngine docker = DockerTestEngine.require()) {
			String container = docker.startContainer(DockerTestEngine.BASH_IMAGE);
			try {
				assertTheBlockStops(CrashRounds.Transport.docker(docker, container), "314.3");
			}
			finally {
				docker.remove(container);
			}
		}
	}

	private void assertTheBlockStops(CrashRounds.Transport transport, String seconds) throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), transport.frontMatter() + BLOCK.formatted(seconds));
		Process tool = RunbookCli.start(this.dir, "run", "plan.md", "--target", transport.target(), "--yes",
				"--log-dir", "logs", "--accept-new-host-key");
		CrashRounds.awaitJournalLine(this.dir.resolve("logs"), "\"block-started\"", "\"slow\"", Duration.ofSeconds(60));
		assertThat(transport.awaitProcesses("sleep " + seconds, true, Duration.ofSeconds(20)))
			.as("the block runs on the target").isTrue();

		tool.destroyForcibly();
		assertThat(tool.waitFor(10, TimeUnit.SECONDS)).isTrue();

		assertThat(transport.awaitProcesses("sleep " + seconds, false, Duration.ofSeconds(10)))
			.as("the block's processes are gone within 10 s of kill -9").isTrue();
	}

	/**
	 * The killed run's folder on the target (its marker, FIFO, relay pid) is read by the resume and then removed:
	 * a crash leaves nothing behind in the target's /tmp (loopback targets only: the folder is on this machine).
	 */
	private void assertTheResumeLeavesNoFolderBehind(CrashRounds.Transport transport) throws Exception {
		Path journal = RunbookCli.journal(this.dir.resolve("logs"));
		Path folder = Path.of(markerFile(journal)).getParent();
		assertThat(folder.getFileName().toString()).startsWith("runbook-shell.");

		RunbookCli.Result resumed = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--target",
				transport.target(), "--yes", "--resume", journal.toString(), "--accept-new-host-key");

		assertThat(resumed.exitCode()).as(resumed.all()).isEqualTo(1);
		assertThat(resumed.stderr()).contains("stopped before 1.1 slow");
		assertThat(folder).as("the killed session's folder on the target").doesNotExist();
	}

	@Test
	void aResumeRefusesWhileThePreviousBlockStillRunsAndGoesOnOnceItIsStopped() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), BLOCK.formatted("314.4")
			.replace("sleep 314.4", "if [ -f go.flag ]; then echo quick; else sleep 314.4; fi"));
		Process tool = RunbookCli.start(this.dir, "run", "plan.md", "--yes", "--log-dir", "logs");
		Path journal = CrashRounds.awaitJournalLine(this.dir.resolve("logs"), "\"block-started\"", "\"slow\"",
				Duration.ofSeconds(60));
		long shellPid = markerPid(journal);
		CrashRounds.Transport local = CrashRounds.Transport.local(this.dir);
		assertThat(local.awaitProcesses("sleep 314.4", true, Duration.ofSeconds(20))).isTrue();
		// The tool and its watchdog die together (the whole supervisor's process group): the block runs on.
		long supervisor = ProcessHandle.of(shellPid).flatMap(ProcessHandle::parent).orElseThrow().pid();
		// procps' kill reads "-KILL -12345" as kill(-1): every process on the machine. Hence "--", and a real group.
		assertThat(supervisor).isGreaterThan(1).isNotEqualTo(ProcessHandle.current().pid());
		assertThat(shellPid).isGreaterThan(1);
		new ProcessBuilder("kill", "-s", "KILL", "--", "-" + supervisor).start().waitFor();
		tool.destroyForcibly();
		assertThat(tool.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(local.awaitProcesses("sleep 314.4", true, Duration.ofSeconds(5))).as("the block runs on").isTrue();

		RunbookCli.Result refused = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--resume",
				journal.toString());

		assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
		assertThat(refused.stderr().strip()).hasLineCount(1)
			.contains("block 1.1 slow is still running on local (process group " + shellPid + ",")
			.contains("kill -TERM -- -" + shellPid);
		assertThat(Files.readAllLines(journal)).as("a refused resume writes nothing")
			.noneMatch(line -> line.contains("session-resumed"));

		new ProcessBuilder("kill", "-s", "TERM", "--", "-" + shellPid).start().waitFor();
		assertThat(local.awaitProcesses("sleep 314.4", false, Duration.ofSeconds(10))).isTrue();
		Files.writeString(this.dir.resolve("go.flag"), "");
		RunbookCli.Result resumed = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--resume",
				journal.toString(), "--rerun-unknown");
		assertThat(resumed.exitCode()).as(resumed.all()).isZero();
		assertThat(resumed.stdout()).contains("(the target's watchdog stopped it): its effect is unknown", "quick",
				"finished");
	}

	private static String markerFile(Path journal) throws Exception {
		return marker(journal).path("file").asText();
	}

	private static long markerPid(Path journal) throws Exception {
		return marker(journal).path("pid").asLong();
	}

	/** The first {@code block-started} event's marker: the folder's marker file and the shell's pid. */
	private static JsonNode marker(Path journal) throws Exception {
		for (String line : Files.readAllLines(journal)) {
			JsonNode event = JSON.readTree(line);
			if (event.path("type").asText().equals("block-started")) {
				return event.path("marker");
			}
		}
		throw new AssertionError("no block-started in " + journal);
	}

}
