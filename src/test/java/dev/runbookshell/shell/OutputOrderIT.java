package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.runbookshell.testsupport.DockerTestEngine;
import dev.runbookshell.testsupport.OpenSshServerExtension;

/**
 * A block that writes stdout and stderr in turn, run by the built jar on each transport: what the operator sees,
 * the journal's output and the report keep the order the block wrote them in, also over a thousand alternations.
 */
class OutputOrderIT {

	@RegisterExtension
	static final OpenSshServerExtension SSHD = new OpenSshServerExtension();

	private static final int PAIRS = 500;

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "local", "srv", "docker+image://" + DockerTestEngine.BASH_IMAGE,
			"docker+image://" + DockerTestEngine.BUSYBOX_IMAGE })
	void stdoutAndStderrKeepTheOrderTheBlockWroteThemOnScreenInTheJournalAndInTheReport(String target)
			throws Exception {
		if (target.startsWith("docker")) {
			DockerTestEngine.require().close();
		}
		// POSIX sh only: the busybox image has no bash
		Files.writeString(this.dir.resolve("plan.md"), """
				---
				targets:
				  srv: {uri: "%s", identity: "%s", known-hosts: "%s"}
				---
				# Order

				```bash {name=interleaved}
				echo out-1; echo err-2 >&2; echo out-3; echo err-4 >&2
				i=1; while [ $i -le %d ]; do echo "o$i"; echo "e$i" >&2; i=$((i + 1)); done
				```
				""".formatted(SSHD.uri(), SSHD.clientKey(), SSHD.knownHosts(), PAIRS));
		String written = "out-1\nerr-2\nout-3\nerr-4\n"
				+ IntStream.rangeClosed(1, PAIRS).mapToObj(i -> "o" + i + "\ne" + i + "\n").collect(Collectors.joining());

		RunbookCli.Result run = RunbookCli.run(this.dir, Duration.ofSeconds(120), "run", "plan.md", "--target", target,
				"--yes", "--log-dir", "logs");

		assertThat(run.exitCode()).as(run.all()).isZero();
		assertThat(run.stdout()).as("what the operator sees").contains(written);
		Path journal = RunbookCli.journal(this.dir.resolve("logs"));
		assertThat(EditAtTheTerminalIT.events(journal, "block-finished").get(0).get("output").asText())
			.as("the journal's output")
			.isEqualTo(written);
		RunbookCli.Result report = RunbookCli.run(this.dir, Duration.ofSeconds(60), "report", journal.toString());
		// the report folds long output: its head and its tail
		String head = written.lines().limit(20).collect(Collectors.joining("\n", "", "\n"));
		String tail = written.lines().skip(2L * PAIRS + 4 - 10).collect(Collectors.joining("\n", "", "\n"));
		assertThat(report.stdout()).as("the report").contains(head, tail);
	}

}
