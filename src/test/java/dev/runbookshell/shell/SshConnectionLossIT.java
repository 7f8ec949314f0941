package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.OpenSshServerExtension;

/**
 * An SSH server that stops answering, or drops the connection, in the middle of a block: through the built jar
 * against a real OpenSSH sshd, the block is recorded unknown (never "succeeded"), the run exits 3 with one line
 * on stderr, and nothing more runs.
 */
class SshConnectionLossIT {

	@RegisterExtension
	static final OpenSshServerExtension SSHD = new OpenSshServerExtension();

	@TempDir
	Path dir;

	@Test
	void aServerThatStopsAnsweringMidBlockIsFoundByKeepAlivesAndTheRunExitsThree() throws Exception {
		ConnectionLossChecks.writePlan(this.dir);
		// short keep-alives so the test need not wait the default 20-25 s
		Process run = RunbookCli.start(this.dir, "run", "plan.md", "--target",
				target() + "&keep-alive=1&keep-alive-max=3", "--yes", "--log-dir", "logs");
		ConnectionLossChecks.awaitOutput(this.dir, ConnectionLossChecks.RUNNING, run);

		RunbookCli.Result result;
		try {
			assertThat(SSHD.freezeConnections()).as("sshd processes stopped").isPositive();
			// the frozen block would sleep for 120 s: ending well before is the keep-alives' doing
			result = RunbookCli.waitFor(run, this.dir, Duration.ofSeconds(40));
		}
		finally {
			SSHD.resumeConnections();
		}

		ConnectionLossChecks.assertLost(result, this.dir, "1.1", "no answer to 3 keep-alives 1 s apart");
		assertThat(result.stderr()).contains("127.0.0.1:" + SSHD.port());
	}

	@Test
	void aConnectionDroppedMidBlockIsUnknownAndTheRunExitsThree() throws Exception {
		ConnectionLossChecks.assertLost(dropTheLinkMidBlock(), this.dir, "1.1", "the server closed the connection");
	}

	@Test
	void aResumeAfterADroppedLinkDoesNotRunTheUnknownBlockAgainUnattended() throws Exception {
		ConnectionLossChecks.assertLost(dropTheLinkMidBlock(), this.dir, "1.1", "the server closed the connection");

		RunbookCli.Result resumed = RunbookCli.run(this.dir, Duration.ofSeconds(60), "run", "plan.md", "--target",
				target(), "--yes", "--resume", RunbookCli.journal(this.dir.resolve("logs")).toString());

		assertThat(resumed.exitCode()).as(resumed.all()).isEqualTo(1);
		assertThat(resumed.stderr().strip()).as(resumed.all())
			.startsWith("error: stopped before 1.1 long: its outcome is unknown")
			.contains("--rerun-unknown")
			.doesNotContain("\n");
		assertThat(resumed.stdout()).doesNotContain(ConnectionLossChecks.RUNNING).doesNotContain("after-ran");
	}

	/** Runs the plan unattended and drops its connection while block 1.1 runs. */
	private RunbookCli.Result dropTheLinkMidBlock() throws Exception {
		ConnectionLossChecks.writePlan(this.dir);
		Process run = RunbookCli.start(this.dir, "run", "plan.md", "--target", target(), "--yes", "--log-dir", "logs");
		ConnectionLossChecks.awaitOutput(this.dir, ConnectionLossChecks.RUNNING, run);
		SSHD.dropConnections();
		return RunbookCli.waitFor(run, this.dir, Duration.ofSeconds(60));
	}

	private static String target() {
		return SSHD.uri() + "?identity=" + encode(SSHD.clientKey()) + "&known-hosts=" + encode(SSHD.knownHosts());
	}

	private static String encode(Path path) {
		return URLEncoder.encode(path.toString(), StandardCharsets.UTF_8);
	}

}
