package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.runbookshell.journal.signing.SshSignature;
import dev.runbookshell.testsupport.SshAgentProcess;
import dev.runbookshell.testsupport.SshKeygen;

/**
 * {@code run --sign} through the built jar with keys made by ssh-keygen, from a real ssh-agent or a key file; the
 * signature checked by the real {@code ssh-keygen -Y verify} and by {@code report --verify}; tampering caught.
 */
class SignedJournalIT {

	private static final String NAMESPACE = "journal@runbookshell.dev";

	private static final String PLAN = """
			# Signed

			## One

			```bash {name=first}
			echo "first: ok"
			```

			## Two

			```bash {name=second}
			if [ -f crash.flag ] && [ ! -f resumed.flag ]; then sleep 60; fi
			echo "second: ok"
			```
			""";

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "ed25519, 0", "ecdsa, 384", "rsa, 3072" })
	void aJournalSignedThroughTheAgentVerifiesWithSshKeygenAndWithReport(String type, int bits) throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_" + type), type, bits, "agent only", "alice@example.com");
		Path allowed = allowedSigners("alice@example.com", key);
		try (SshAgentProcess agent = SshAgentProcess.start(this.dir.resolve("agent.sock"))) {
			addToAgent(agent, key, "agent only");

			RunbookCli.Result run = run(Map.of("SSH_AUTH_SOCK", agent.socket().toString()), "run", "plan.md",
					"--yes", "--log-dir", "logs", "--sign");

			assertThat(run.exitCode()).as(run.all()).isZero();
			assertThat(run.stdout()).contains("Journal signed by", "ssh-agent \"alice@example.com\"");
		}
		Path journal = RunbookCli.journal(this.dir.resolve("logs"));
		SshKeygen.Result verified = SshKeygen.verify(allowed, "alice@example.com", NAMESPACE, sig(journal), journal);
		assertThat(verified.exitCode()).as(verified.output()).isZero();
		RunbookCli.Result report = run(Map.of(), "report", journal.toString(), "--verify", allowed.toString());
		assertThat(report.exitCode()).as(report.all()).isZero();
		assertThat(report.stderr()).contains("good signature of all", "lines by alice@example.com");
		assertThat(report.stdout()).contains("# Migration Log");
	}

	@Test
	void anEncryptedKeyFileUnattendedIsRefusedBeforeAnythingRunsButItsPublicKeyInTheAgentSigns() throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_ed25519"), "ed25519", 0, "secret words", "bob@example.com");
		Files.writeString(this.dir.resolve("plan.md"), "# P\n\n```bash {name=touch}\ntouch ran.txt\n```\n");

		RunbookCli.Result refused = run(Map.of(), "run", "plan.md", "--yes", "--sign-key", key.toString());

		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.stderr()).contains(key + ": the key is encrypted and nobody can type its passphrase");
		assertThat(this.dir.resolve("ran.txt")).doesNotExist();

		try (SshAgentProcess agent = SshAgentProcess.start(this.dir.resolve("agent.sock"))) {
			addToAgent(agent, key, "secret words");
			RunbookCli.Result signed = run(Map.of("SSH_AUTH_SOCK", agent.socket().toString()), "run", "plan.md",
					"--yes", "--log-dir", "logs", "--sign-key", key + ".pub");
			assertThat(signed.exitCode()).as(signed.all()).isZero();
		}
		Path journal = RunbookCli.journal(this.dir.resolve("logs"));
		assertThat(SshKeygen.verify(allowedSigners("bob@example.com", key), "bob@example.com", NAMESPACE, sig(journal),
				journal).exitCode()).isZero();
	}

	@Test
	void aChangedLineAReChainedJournalARemovedTailAndASwappedSignatureFailVerification() throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_ed25519"), "ed25519", 0, "", "alice@example.com");
		Path allowed = allowedSigners("alice@example.com", key);
		assertThat(run(Map.of(), "run", "plan.md", "--yes", "--log-dir", "logs", "--sign-key", key.toString())
			.exitCode()).isZero();
		Path journal = RunbookCli.journal(this.dir.resolve("logs"));
		assertThat(run(Map.of(), "run", "plan.md", "--yes", "--log-dir", "other", "--sign-key", key.toString())
			.exitCode()).isZero();
		Path other = RunbookCli.journal(this.dir.resolve("other"));
		List<String> lines = Files.readAllLines(journal);

		Files.write(journal, lines.stream().map(l -> l.replace("first: ok", "first: OK")).toList());
		RunbookCli.Result changed = run(Map.of(), "report", journal.toString(), "--verify", allowed.toString());
		assertThat(changed.exitCode()).isEqualTo(1);
		assertThat(changed.stderr()).contains("hash chain broken");

		Files.write(journal, rechained(lines.stream().map(l -> l.replace("first: ok", "first: OK")).toList()));
		assertThat(run(Map.of(), "report", journal.toString()).exitCode()).as("the chain alone is fooled").isZero();
		RunbookCli.Result rechained = run(Map.of(), "report", journal.toString(), "--verify", allowed.toString());
		assertThat(rechained.exitCode()).isEqualTo(1);
		assertThat(rechained.stderr()).contains(sig(journal).getFileName() + " does not match the journal");
		assertThat(rechained.stdout()).isEmpty();
		assertThat(SshKeygen.verify(allowed, "alice@example.com", NAMESPACE, sig(journal), journal).exitCode())
			.isNotZero();

		Files.write(journal, lines.subList(0, lines.size() - 1));
		assertThat(run(Map.of(), "report", journal.toString(), "--verify", allowed.toString()).stderr())
			.as("removed tail").contains("does not match the journal");

		Files.write(journal, lines);
		assertThat(run(Map.of(), "report", journal.toString(), "--verify", allowed.toString()).exitCode()).isZero();
		Files.copy(sig(other), sig(journal), StandardCopyOption.REPLACE_EXISTING);
		RunbookCli.Result swapped = run(Map.of(), "report", journal.toString(), "--verify", allowed.toString());
		assertThat(swapped.exitCode()).isEqualTo(1);
		assertThat(swapped.stderr()).contains("does not match the journal");
		assertThat(SshKeygen.verify(allowed, "alice@example.com", NAMESPACE, sig(journal), journal).exitCode())
			.isNotZero();

		Files.delete(sig(journal));
		assertThat(run(Map.of(), "report", journal.toString(), "--verify", allowed.toString()).stderr())
			.contains(".sig is missing: the journal is not signed");
	}

	@Test
	void aCrashedSessionsPrefixIsSignedAndTheResumeSignsTheWholeJournalKeepingTheFirstSignature() throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_ecdsa"), "ecdsa", 256, "", "alice@example.com");
		Path allowed = allowedSigners("alice@example.com", key);
		Files.writeString(this.dir.resolve("plan.md"), PLAN);
		Files.writeString(this.dir.resolve("crash.flag"), "");
		Process first = RunbookCli.start(this.dir, "run", "plan.md", "--yes", "--log-dir", "logs", "--sign-key",
				key.toString());
		Path journal = awaitSignatureThrough(this.dir.resolve("logs"), "first");
		first.destroyForcibly(); // SIGKILL: no session-finished, no final signature
		assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();

		RunbookCli.Result prefix = run(Map.of(), "report", journal.toString(), "--verify", allowed.toString());
		assertThat(prefix.exitCode()).isEqualTo(1);
		Matcher covered = Pattern.compile("good signature of lines 1-(\\d+) of (\\d+)").matcher(prefix.stderr());
		assertThat(covered.find()).as(prefix.stderr()).isTrue();
		assertThat(prefix.stderr()).contains("are not signed", "the report shows those lines only");
		assertThat(prefix.stdout()).contains("first: ok").doesNotContain("second: ok");
		int signedLines = Integer.parseInt(covered.group(1));
		Path head = this.dir.resolve("signed-prefix.jsonl");
		Files.write(head, (String.join("\n", Files.readAllLines(journal).subList(0, signedLines)) + "\n")
			.getBytes(StandardCharsets.UTF_8));
		assertThat(SshKeygen.verify(allowed, "alice@example.com", NAMESPACE, sig(journal), head).exitCode())
			.as("ssh-keygen checks the signed prefix").isZero();

		Files.writeString(this.dir.resolve("resumed.flag"), "");
		RunbookCli.Result resumed = run(Map.of(), "run", "plan.md", "--yes", "--resume", journal.toString(), "--rerun-unknown",
				"--sign-key", key.toString());
		assertThat(resumed.exitCode()).as(resumed.all()).isZero();

		RunbookCli.Result whole = run(Map.of(), "report", journal.toString(), "--verify", allowed.toString());
		assertThat(whole.exitCode()).as(whole.all()).isZero();
		assertThat(whole.stderr()).contains(sig(journal).getFileName() + ": good signature of all")
			.contains(journal.getFileName() + ".1.sig: good signature of lines 1-" + signedLines + " (an earlier session)");
		assertThat(SshKeygen.verify(allowed, "alice@example.com", NAMESPACE, sig(journal), journal).exitCode()).isZero();
	}

	private RunbookCli.Result run(Map<String, String> environment, String... args) throws Exception {
		if (!Files.exists(this.dir.resolve("plan.md"))) {
			Files.writeString(this.dir.resolve("plan.md"), PLAN);
		}
		Map<String, String> env = new java.util.HashMap<>(environment);
		env.putIfAbsent("SSH_AUTH_SOCK", "");
		return RunbookCli.waitFor(RunbookCli.start(this.dir, null, env, args), this.dir, Duration.ofSeconds(120));
	}

	/** ssh-add with the passphrase fed through SSH_ASKPASS, as a desktop would. */
	private void addToAgent(SshAgentProcess agent, Path key, String passphrase) throws Exception {
		Path askpass = this.dir.resolve("askpass.sh");
		Files.writeString(askpass, "#!/bin/sh\necho '" + passphrase + "'\n");
		askpass.toFile().setExecutable(true);
		ProcessBuilder add = new ProcessBuilder("/usr/bin/ssh-add", key.toString()).redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		add.environment().putAll(Map.of("SSH_AUTH_SOCK", agent.socket().toString(), "SSH_ASKPASS", askpass.toString(),
				"SSH_ASKPASS_REQUIRE", "force", "DISPLAY", ":0"));
		Process process = add.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0).as(out).isTrue();
	}

	private Path allowedSigners(String principal, Path key) throws Exception {
		Path file = this.dir.resolve("allowed_signers");
		Files.writeString(file, SshKeygen.allowedSignersLine(principal, "", Path.of(key + ".pub")) + "\n");
		return file;
	}

	private static Path sig(Path journal) {
		return journal.resolveSibling(journal.getFileName() + ".sig");
	}

	/** What an attacker who edited lines does next: recompute every prev so the hash chain holds again. */
	private static List<String> rechained(List<String> lines) throws Exception {
		List<String> out = new ArrayList<>();
		String prev = "";
		for (String line : lines) {
			String fixed = line.replaceFirst("\"prev\":\"[0-9a-f]*\"", "\"prev\":\"" + prev + "\"");
			out.add(fixed);
			prev = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(fixed.getBytes(StandardCharsets.UTF_8)));
		}
		return out;
	}

	/** The journal once its .sig covers it up to the block-finished of {@code name} (a checkpoint). */
	private static Path awaitSignatureThrough(Path logs, String name) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.isDirectory(logs)) {
				try (var files = Files.list(logs)) {
					for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
						if (signedThrough(file, name)) {
							return file;
						}
					}
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no journal in " + logs + " signed through the end of block " + name);
	}

	private static boolean signedThrough(Path journal, String name) throws Exception {
		if (!Files.exists(sig(journal))) {
			return false;
		}
		StringBuilder prefix = new StringBuilder();
		for (String line : Files.readAllLines(journal)) {
			prefix.append(line).append('\n');
			if (line.contains("\"block-finished\"") && line.contains("\"" + name + "\"")) {
				byte[] hash = MessageDigest.getInstance("SHA-512")
					.digest(prefix.toString().getBytes(StandardCharsets.UTF_8));
				return SshSignature.parse(Files.readString(sig(journal))).verifies(NAMESPACE, hash);
			}
		}
		return false;
	}

}
