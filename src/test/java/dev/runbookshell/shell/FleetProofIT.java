package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.Poll;
import dev.runbookshell.testsupport.RsyslogServer;
import dev.runbookshell.testsupport.SshAgentProcess;
import dev.runbookshell.testsupport.SshKeygen;

/**
 * A fleet's journals signed and shipped, each as one target's would be, through the built jar: every host's
 * journal checked by the real {@code ssh-keygen -Y verify} and by {@code report --verify}, a tampered one caught,
 * the index naming each signature; shipped to a real rsyslogd, each host's events under its own journal. Also:
 * the fleet options given with one target.
 */
class FleetProofIT {

	private static final String NAMESPACE = "journal@runbookshell.dev";

	private static final String SIGN_DEFAULT = "RUNBOOK_SIGN";

	@TempDir
	Path dir;

	private FleetPlans fleet;

	@BeforeEach
	void fleet() throws Exception {
		this.fleet = new FleetPlans(this.dir);
		this.fleet.plan(3, FleetPlans.block("hello", "echo \"hello from $(basename \"$PWD\")\""),
				FleetPlans.block("last", "echo done"));
	}

	/** A run with no agent and no RUNBOOK_SIGN of the machine's user, plus {@code environment}. */
	private RunbookCli.Result run(Map<String, String> environment, String... args) throws Exception {
		Map<String, String> env = new HashMap<>(Map.of("SSH_AUTH_SOCK", "", SIGN_DEFAULT, ""));
		env.putAll(environment);
		List<String> all = new java.util.ArrayList<>(List.of("run", "plan.md", "--log-dir", "logs"));
		all.addAll(List.of(args));
		return RunbookCli.waitFor(RunbookCli.start(this.dir, null, env, all.toArray(String[]::new)), this.dir,
				FleetPlans.TIMEOUT);
	}

	@Test
	void everyHostsJournalIsSignedWithTheKeyFileVerifiedBySshKeygenAndATamperedOneFails() throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_ed25519"), "ed25519", 0, "", "alice@example.com");
		Path allowed = allowedSigners(key);

		RunbookCli.Result result = run(Map.of(), "--target", "web", "--yes", "--sign-key", key.toString());

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stderr()).doesNotContain("not signed");
		JsonNode index = this.fleet.index();
		for (String host : List.of("h1", "h2", "h3")) {
			assertThat(result.stdout()).contains(host + " | Journal signed by ED25519");
			Path journal = journal(index, host);
			assertThat(signature(index, host)).isEqualTo(journal.resolveSibling(journal.getFileName() + ".sig"));
			SshKeygen.Result verified = SshKeygen.verify(allowed, "alice@example.com", NAMESPACE,
					signature(index, host), journal);
			assertThat(verified.exitCode()).as(host + ": " + verified.output()).isZero();
			RunbookCli.Result report = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", journal.toString(),
					"--verify", allowed.toString());
			assertThat(report.exitCode()).as(report.all()).isZero();
			assertThat(report.stderr()).contains("good signature of all", "by alice@example.com");
		}
		RunbookCli.Result fleetReport = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report",
				this.fleet.indexFile().toString(), "--verify", allowed.toString());
		assertThat(fleetReport.exitCode()).as(fleetReport.all()).isZero();
		assertThat(fleetReport.stdout()).contains("h1", "h2", "h3");
		assertThat(fleetReport.stderr()).contains("h3:", "good signature of all");
		// the index is not signed: one that names no journal for a host that ran proves nothing about that host
		com.fasterxml.jackson.databind.node.ObjectNode edited = index.deepCopy();
		for (JsonNode host : edited.get("hosts")) {
			if (host.get("name").asText().equals("h3")) {
				((com.fasterxml.jackson.databind.node.ObjectNode) host).putNull("journal");
			}
		}
		Path editedIndex = this.fleet.indexFile().resolveSibling("edited-index.json");
		Files.writeString(editedIndex, edited.toString());
		RunbookCli.Result unproven = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", editedIndex.toString(),
				"--verify", allowed.toString());
		assertThat(unproven.exitCode()).as(unproven.all()).isEqualTo(1);
		assertThat(unproven.stderr()).contains("h3: the index names no journal for it, though it is succeeded");
		Files.delete(editedIndex);

		Path h2 = journal(index, "h2");
		Files.writeString(h2, Files.readString(h2).replace("hello from h2", "hello from h9"));
		assertThat(SshKeygen.verify(allowed, "alice@example.com", NAMESPACE, signature(index, "h2"), h2).exitCode())
			.isNotZero();
		RunbookCli.Result tampered = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", h2.toString(), "--verify",
				allowed.toString());
		assertThat(tampered.exitCode()).isEqualTo(1);
		RunbookCli.Result tamperedFleet = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report",
				this.fleet.indexFile().toString(), "--verify", allowed.toString());
		assertThat(tamperedFleet.exitCode()).as(tamperedFleet.all()).isEqualTo(1);
		assertThat(tamperedFleet.stdout()).isEmpty();
		assertThat(tamperedFleet.stderr()).contains("not every host's journal is proven", "h2: ");
		assertThat(SshKeygen.verify(allowed, "alice@example.com", NAMESPACE, signature(index, "h1"),
				journal(index, "h1")).exitCode()).as("the other hosts' journals stay good").isZero();
	}

	@Test
	void runbookSignSetSignsEveryHostsJournalThroughOneAgent() throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_ecdsa"), "ecdsa", 256, "", "bob@example.com");
		Path allowed = allowedSigners(key);
		RunbookCli.Result result;
		try (SshAgentProcess agent = SshAgentProcess.start(this.dir.resolve("agent.sock"))) {
			agent.add(key);
			result = run(Map.of("SSH_AUTH_SOCK", agent.socket().toString(), SIGN_DEFAULT, "agent"), "--target",
					"web", "--yes");
		}

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stderr()).doesNotContain("not signed");
		JsonNode index = this.fleet.index();
		for (String host : List.of("h1", "h2", "h3")) {
			assertThat(result.stdout()).contains(host + " | Journal signed by ECDSA");
			SshKeygen.Result verified = SshKeygen.verify(allowed, "bob@example.com", NAMESPACE, signature(index, host),
					journal(index, host));
			assertThat(verified.exitCode()).as(host + ": " + verified.output()).isZero();
		}
	}

	@Test
	void withoutSigningTheIndexSaysNoHostsJournalIsSigned() throws Exception {
		RunbookCli.Result result = run(Map.of(), "--target", "web", "--yes");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).doesNotContain("Journal signed");
		for (JsonNode host : this.fleet.index().get("hosts")) {
			assertThat(host.path("signature").isNull()).as(host.toString()).isTrue();
			assertThat(Files.exists(journal(this.fleet.index(), host.get("name").asText()).resolveSibling(
					journal(this.fleet.index(), host.get("name").asText()).getFileName() + ".sig"))).isFalse();
		}
	}

	@Test
	void anEncryptedKeyUnattendedIsRefusedBeforeAnyHostRuns() throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_ed25519"), "ed25519", 0, "secret words", "c@example.com");

		RunbookCli.Result result = run(Map.of(), "--target", "web", "--yes", "--sign-key", key.toString());

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stderr()).contains(key + ": the key is encrypted and nobody can type its passphrase");
		assertThat(this.fleet.order()).isEmpty();
		assertThat(this.dir.resolve("logs")).doesNotExist();
	}

	@Test
	void shippedToADirectoryEachHostsJournalIsCopiedAndSignWithoutAnyKeyIsRefusedBeforeAnythingRuns()
			throws Exception {
		Path copy = Files.createDirectories(this.dir.resolve("copy"));

		RunbookCli.Result shipped = run(Map.of(), "--target", "h1,h2", "--yes", "--ship", copy.toUri().toString());

		assertThat(shipped.exitCode()).as(shipped.all()).isZero();
		JsonNode index = this.fleet.index();
		for (String host : List.of("h1", "h2")) {
			Path journal = journal(index, host);
			assertThat(Files.readAllBytes(copy.resolve(journal.getFileName()))).as(host)
				.isEqualTo(Files.readAllBytes(journal));
		}
		Files.delete(this.dir.resolve("order"));

		RunbookCli.Result refused = run(Map.of(), "--target", "h1,h2", "--yes", "--sign");

		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.stderr().strip()).contains("--sign needs a key").doesNotContain("\n");
		assertThat(this.fleet.order()).isEmpty();
	}

	@Test
	void eachHostsJournalIsShippedToSyslogUnderItsOwnNameAndRebuildsFromTheServersFileAlone() throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_ed25519"), "ed25519", 0, "", "alice@example.com");
		Path allowed = allowedSigners(key);
		JsonNode index;
		Path received;
		try (RsyslogServer syslog = RsyslogServer.start(this.dir.resolve("rsyslog"))) {
			String uri = "syslog://127.0.0.1:" + syslog.port();
			RunbookCli.Result result = run(Map.of(), "--target", "web", "--yes", "--sign-key", key.toString(),
					"--ship", uri);

			assertThat(result.exitCode()).as(result.all()).isZero();
			index = this.fleet.index();
			received = syslog.received();
			for (String host : List.of("h1", "h2", "h3")) {
				assertThat(result.stdout()).contains(host + " | Journal shipped to " + uri);
				assertThat(FleetPlans.host(index, host).get("shippedTo").asText()).isEqualTo(uri);
				String name = journal(index, host).getFileName().toString();
				awaitShipped(received, name);
			}
		}
		for (String line : Files.readAllLines(received)) {
			for (String host : List.of("h1", "h2", "h3")) {
				if (line.contains("\"journal\":\"" + journal(index, host).getFileName() + "\"")
						&& line.contains("\"session-started\"")) {
					assertThat(line).as("a host's events are shipped under its own journal")
						.contains("\"target\":{\"name\":\"" + host + "\"");
				}
			}
		}

		RunbookCli.Result rebuilt = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "journal", "rebuild",
				received.toString(), "--out", "rebuilt");

		assertThat(rebuilt.exitCode()).as(rebuilt.all()).isZero();
		for (String host : List.of("h1", "h2", "h3")) {
			Path journal = journal(index, host);
			Path copy = this.dir.resolve("rebuilt").resolve(journal.getFileName());
			assertThat(Files.readAllBytes(copy)).as(host).isEqualTo(Files.readAllBytes(journal));
			RunbookCli.Result verified = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", copy.toString(),
					"--verify", allowed.toString());
			assertThat(verified.exitCode()).as(verified.all()).isZero();
		}
	}

	@Test
	void fleetOptionsWithOneTargetSayInOneLineThatTheyHaveNoEffectAndLimitWithoutInventoryIsRefused()
			throws Exception {
		RunbookCli.Result result = run(Map.of(), "--target", "h1", "--yes", "--parallel", "3", "--max-fail", "50%",
				"--serial", "1");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stderr()).contains("note: --parallel has no effect with one target\n",
				"note: --max-fail has no effect with one target\n", "note: --serial has no effect with one target\n");
		assertThat(this.fleet.order()).containsExactly("h1 hello", "h1 last");

		RunbookCli.Result quiet = run(Map.of(), "--target", "h1", "--yes");
		assertThat(quiet.stderr()).doesNotContain("no effect");

		RunbookCli.Result limited = run(Map.of(), "--target", "h1", "--yes", "--limit", "web");
		assertThat(limited.exitCode()).isEqualTo(2);
		assertThat(limited.stderr()).contains("--limit needs --inventory FILE");
		assertThat(this.fleet.order()).as("refused before anything ran").hasSize(4);
	}

	private Path allowedSigners(Path key) throws Exception {
		String principal = Files.readString(Path.of(key + ".pub")).trim().replaceFirst("^.* ", "");
		Path file = this.dir.resolve("allowed_signers");
		Files.writeString(file, SshKeygen.allowedSignersLine(principal, "", Path.of(key + ".pub")) + "\n");
		return file;
	}

	private Path journal(JsonNode index, String host) {
		return this.dir.resolve("logs").resolve(FleetPlans.host(index, host).get("journal").asText());
	}

	private Path signature(JsonNode index, String host) {
		JsonNode signature = FleetPlans.host(index, host).get("signature");
		assertThat(signature).as(host + " signed in the index: " + index).isNotNull();
		assertThat(signature.isTextual()).as(host + " signed in the index: " + index).isTrue();
		return this.dir.resolve("logs").resolve(signature.asText());
	}

	/** Waits (within 30 s) until the server's file holds the session-finished shipped under {@code name}. */
	private static void awaitShipped(Path received, String name) throws Exception {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.isRegularFile(received) && Files.readString(received).lines()
				.anyMatch(line -> line.contains("{\"journal\":\"" + name + "\",\"event\":")
						&& line.contains("\"session-finished\""))) {
				return;
			}
			Thread.sleep(Poll.MILLIS);
		}
		throw new AssertionError("the end of " + name + " did not reach " + received);
	}

}
