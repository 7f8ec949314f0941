package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.OpenSshServerExtension;
import dev.runbookshell.testsupport.Poll;

/**
 * {@code runbook run} end to end against a real OpenSSH sshd on loopback: the built jar as a subprocess, every
 * unattended mode, the host-key refusal and a crash in the middle of a block. The server shares this machine's
 * file system, so what a block wrote on the server side is checked in the test's temp dir.
 */
class RunOverSshIT {

	@RegisterExtension
	static final OpenSshServerExtension SSHD = new OpenSshServerExtension();

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dir;

	/** Front matter naming the sshd as target {@code srv}; the blocks work in the temp dir (WORK). */
	private String frontMatter() {
		return """
				---
				title: Over SSH
				default-target: local
				targets:
				  srv:
				    uri: "%s"
				    identity: "%s"
				    known-hosts: "%s"
				---
				""".formatted(SSHD.uri(), SSHD.clientKey(), SSHD.knownHosts());
	}

	private String plan() {
		return frontMatter() + """
				# Over SSH

				## Prepare

				```bash {name=enter}
				cd '%s'
				export GREETING=hello-from-srv
				```

				```bash {name=write}
				echo "$GREETING" > greeting.txt
				echo "$SSH_CONNECTION" > connection.txt
				```

				## Finish

				```bash {name=mark}
				echo marked > marked.txt
				```
				""".formatted(this.dir);
	}

	private Path write(String name, String text) throws Exception {
		Path file = this.dir.resolve(name);
		Files.writeString(file, text);
		return file;
	}

	private RunbookCli.Result run(String... args) throws Exception {
		return RunbookCli.run(this.dir, TIMEOUT, args);
	}

	@Test
	void yesRunsEveryBlockInOneShellOnTheServerAndJournalsItsHostKey() throws Exception {
		write("plan.md", plan());

		RunbookCli.Result result = run("run", "plan.md", "--target", "srv", "--yes", "--log-dir", "logs");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).contains("on srv").contains("Session succeeded");
		// relative path and variable from the block before: cd and export carried over in the remote shell
		assertThat(this.dir.resolve("greeting.txt")).hasContent("hello-from-srv");
		assertThat(Files.readString(this.dir.resolve("connection.txt"))).contains(" 127.0.0.1 " + SSHD.port());
		assertThat(this.dir.resolve("marked.txt")).hasContent("marked");
		JsonNode started = event(RunbookCli.journal(this.dir.resolve("logs")), "session-started");
		assertThat(started.at("/target/name").asText()).isEqualTo("srv");
		assertThat(started.at("/target/fingerprint").asText()).isEqualTo(SSHD.hostKeyFingerprint());
		assertThat(started.get("mode").asText()).isEqualTo("yes");
	}

	@Test
	void answersFileSkipsOneBlockAndEditsAnother() throws Exception {
		write("plan.md", plan());
		write("answers.yaml", """
				blocks:
				  write: skip
				  mark: {edit: "echo edited-on-srv > marked.txt"}
				""");

		RunbookCli.Result result = run("run", "plan.md", "--target", "srv", "--answers", "answers.yaml", "--log-dir",
				"logs");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).contains("write skipped");
		assertThat(this.dir.resolve("greeting.txt")).doesNotExist();
		assertThat(this.dir.resolve("marked.txt")).hasContent("edited-on-srv");
		List<JsonNode> decisions = events(RunbookCli.journal(this.dir.resolve("logs")), "decision");
		assertThat(decisions).anyMatch(d -> d.at("/block/name").asText().equals("write")
				&& d.get("choice").asText().equals("skip"));
		assertThat(decisions).anyMatch(d -> d.at("/block/name").asText().equals("mark")
				&& d.get("choice").asText().equals("edit")
				&& d.get("text").asText().equals("echo edited-on-srv > marked.txt"));
	}

	@Test
	void replayOnTheSameServerAppliesTheRehearsedDecisions() throws Exception {
		write("plan.md", plan());
		write("answers.yaml", "blocks:\n  write: skip\n  mark: {edit: \"echo rehearsed > marked.txt\"}\n");
		RunbookCli.Result rehearsal = run("run", "plan.md", "--target", "srv", "--answers", "answers.yaml",
				"--log-dir", "rehearsal");
		assertThat(rehearsal.exitCode()).as(rehearsal.all()).isZero();
		Files.delete(this.dir.resolve("marked.txt"));

		RunbookCli.Result replay = run("run", "plan.md", "--target", "srv", "--replay",
				RunbookCli.journal(this.dir.resolve("rehearsal")).toString(), "--log-dir", "production");

		assertThat(replay.exitCode()).as(replay.all()).isZero();
		assertThat(replay.stdout()).contains("write skipped");
		assertThat(this.dir.resolve("greeting.txt")).doesNotExist();
		assertThat(this.dir.resolve("marked.txt")).hasContent("rehearsed");
		JsonNode started = event(RunbookCli.journal(this.dir.resolve("production")), "session-started");
		assertThat(started.get("mode").asText()).isEqualTo("replay");
		assertThat(started.at("/target/fingerprint").asText()).isEqualTo(SSHD.hostKeyFingerprint());
	}

	@Test
	void resumeAfterAKilledRunMarksTheInFlightBlockUnknownAndRerunsNothingThatFinished() throws Exception {
		write("plan.md", frontMatter() + """
				# Crash over SSH

				## One

				```bash {name=count}
				echo run >> '%1$s/count.txt'
				```

				## Two

				```bash {name=slow}
				echo started >> '%1$s/slow.txt'
				if [ -f '%1$s/resumed.flag' ]; then echo quick; else sleep 30; fi
				```

				## Three

				```bash {name=last}
				echo done > '%1$s/last.txt'
				```
				""".formatted(this.dir));
		Process first = RunbookCli.start(this.dir, "run", "plan.md", "--target", "srv", "--yes", "--log-dir", "logs");
		awaitFile(this.dir.resolve("slow.txt"), first);
		first.destroyForcibly(); // SIGKILL: no shutdown hook, no session-finished, the TCP connection just drops
		assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
		Path journal = RunbookCli.journal(this.dir.resolve("logs"));
		Files.writeString(this.dir.resolve("resumed.flag"), "");

		RunbookCli.Result resumed = run("run", "plan.md", "--target", "srv", "--yes", "--resume", journal.toString(),
				"--rerun-unknown");

		assertThat(resumed.exitCode()).as(resumed.all()).isZero();
		assertThat(this.dir.resolve("count.txt")).hasContent("run");
		assertThat(this.dir.resolve("last.txt")).hasContent("done");
		assertThat(events(journal, "block-finished")).anyMatch(f -> f.at("/block/name").asText().equals("slow")
				&& f.get("status").asText().equals("unknown"));
		assertThat(events(journal, "block-started")).filteredOn(s -> s.at("/block/name").asText().equals("count"))
			.hasSize(1);
		assertThat(events(journal, "session-resumed")).hasSize(1);
		List<String> lines = Files.readAllLines(journal);
		assertThat(lines.get(lines.size() - 1)).contains("\"session-finished\"").contains("succeeded");
	}

	@Test
	void anUnknownHostKeyIsRefusedWithExitThreeNamingHostFingerprintAndTheWayOut() throws Exception {
		write("plan.md", plan());
		Path knownHosts = write("empty_known_hosts", "");

		RunbookCli.Result result = run("run", "plan.md", "--target", uriWith(knownHosts), "--yes", "--log-dir",
				"logs");

		assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
		assertThat(result.stderr().strip()).doesNotContain("\n")
			.contains("127.0.0.1]:" + SSHD.port())
			.contains(SSHD.hostKeyFingerprint())
			.contains("--accept-new-host-key");
		// a target given as a URI is named once, not as "URI (URI)"
		assertThat(result.stderr()).containsOnlyOnce(uriWith(knownHosts));
		assertThat(knownHosts).isEmptyFile();
		assertThat(this.dir.resolve("greeting.txt")).doesNotExist();
		assertThat(this.dir.resolve("logs")).doesNotExist();
	}

	@Test
	void acceptNewHostKeyTrustsTheUnknownKeyRunsAndSavesItToKnownHosts() throws Exception {
		write("plan.md", plan());
		Path knownHosts = write("empty_known_hosts", "");

		RunbookCli.Result result = run("run", "plan.md", "--target", uriWith(knownHosts), "--yes",
				"--accept-new-host-key", "--log-dir", "logs");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(this.dir.resolve("greeting.txt")).hasContent("hello-from-srv");
		assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + SSHD.port())
			.contains(SSHD.hostPublicKey());
	}

	@Test
	void aFailingBlockOnTheServerStopsTheRunWithExitOne() throws Exception {
		write("plan.md", plan().replace("echo \"$SSH_CONNECTION\" > connection.txt", "cat missing.txt"));

		RunbookCli.Result result = run("run", "plan.md", "--target", "srv", "--yes", "--log-dir", "logs");

		assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
		assertThat(result.stdout()).contains("missing.txt: No such file").contains("write failed (exit 1");
		assertThat(this.dir.resolve("greeting.txt")).hasContent("hello-from-srv");
		assertThat(this.dir.resolve("marked.txt")).doesNotExist();
	}

	/** The sshd as a URI target, with the client key and {@code knownHosts} as query options. */
	private static String uriWith(Path knownHosts) {
		return SSHD.uri() + "?identity=" + encode(SSHD.clientKey()) + "&known-hosts=" + encode(knownHosts);
	}

	private static String encode(Path path) {
		return URLEncoder.encode(path.toString(), StandardCharsets.UTF_8);
	}

	private static JsonNode event(Path journal, String type) throws Exception {
		List<JsonNode> found = events(journal, type);
		assertThat(found).as(type + " events in " + journal).hasSize(1);
		return found.get(0);
	}

	private static List<JsonNode> events(Path journal, String type) throws Exception {
		List<JsonNode> found = new java.util.ArrayList<>();
		for (String line : Files.readAllLines(journal)) {
			JsonNode event = JSON.readTree(line);
			if (event.get("type").asText().equals(type)) {
				found.add(event);
			}
		}
		return found;
	}

	/** Waits until a block wrote {@code file} on the server side, failing early when the run ended instead. */
	private static void awaitFile(Path file, Process run) throws Exception {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.exists(file)) {
				return;
			}
			if (!run.isAlive()) {
				throw new AssertionError("the run ended (exit " + run.exitValue() + ") before " + file + " appeared");
			}
			Thread.sleep(Poll.MILLIS);
		}
		throw new AssertionError(file + " did not appear within " + TIMEOUT);
	}

}
