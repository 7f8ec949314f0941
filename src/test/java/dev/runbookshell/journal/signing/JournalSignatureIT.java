package dev.runbookshell.journal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalReader;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.RunMode;
import dev.runbookshell.journal.SessionStatus;
import dev.runbookshell.testsupport.SshKeygen;

/** Journals signed with keys made by the real ssh-keygen, checked by the real ssh-keygen and by our check. */
class JournalSignatureIT {

	private static final BlockRef BLOCK = new BlockRef("1.1", "step", "sha256:00");

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "ed25519, 0", "ecdsa, 256", "ecdsa, 384", "ecdsa, 521", "rsa, 3072" })
	void aSignedJournalVerifiesWithSshKeygenAndWithTheCheck(String type, int bits) throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_" + type), type, bits, "", "alice@example.com");
		Path allowed = allowedSigners("alice@example.com", key);

		Path journal = writeJournal(KeyFileSigningKey.read(key, Passphrases.NONE), 3);

		SshKeygen.Result verified = SshKeygen.verify(allowed, "alice@example.com", JournalSigner.NAMESPACE,
				JournalSigner.signatureFile(journal), journal);
		assertThat(verified.exitCode()).as(verified.output()).isZero();
		assertThat(verified.output()).contains("Good \"" + JournalSigner.NAMESPACE + "\" signature for alice@example.com");
		List<SignatureVerdict> verdicts = check(journal, allowed);
		assertThat(verdicts).singleElement().satisfies(v -> {
			assertThat(v.state()).isEqualTo(SignatureVerdict.State.WHOLE);
			assertThat(v.signer()).isEqualTo("alice@example.com");
			assertThat(v.lines()).isEqualTo(8);
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "ed25519, 0", "rsa, 2048" })
	void theSignatureFileIsByteForByteWhatSshKeygenWritesForADeterministicKey(String type, int bits)
			throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_" + type), type, bits, "", "alice@example.com");
		Path journal = writeJournal(KeyFileSigningKey.read(key, Passphrases.NONE), 2);
		Path copy = Files.copy(journal, this.dir.resolve("copy.jsonl"));

		SshKeygen.Result signed = SshKeygen.sign(key, JournalSigner.NAMESPACE, copy);

		assertThat(signed.exitCode()).as(signed.output()).isZero();
		assertThat(Files.readString(JournalSigner.signatureFile(journal)))
			.isEqualTo(Files.readString(this.dir.resolve("copy.jsonl.sig")));
	}

	@Test
	void aSignatureMadeBySshKeygenPassesTheCheck() throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_ecdsa"), "ecdsa", 256, "", "bob@example.com");
		Path journal = writeJournal(null, 2);
		assertThat(SshKeygen.sign(key, JournalSigner.NAMESPACE, journal).exitCode()).isZero();

		assertThat(check(journal, allowedSigners("bob@example.com", key))).singleElement()
			.satisfies(v -> assertThat(v.state()).isEqualTo(SignatureVerdict.State.WHOLE));
	}

	@Test
	void anEncryptedKeyIsOpenedWithItsPassphraseAskedAgainWhenMistyped() throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_ed25519"), "ed25519", 0, "correct horse", "a@b");
		List<String> prompts = new ArrayList<>();
		List<String> typed = new ArrayList<>(List.of("wrong", "correct horse"));

		SigningKey opened = KeyFileSigningKey.read(key, prompt -> {
			prompts.add(prompt);
			return typed.remove(0).toCharArray();
		});

		assertThat(prompts).containsExactly("Passphrase for key " + key + ": ",
				"Wrong passphrase, try again. Passphrase for key " + key + ": ");
		assertThat(opened.publicKey()).isEqualTo(KeyFileSigningKey.publicKeyOf(key));
		assertThatThrownBy(() -> KeyFileSigningKey.read(key, Passphrases.NONE)).isInstanceOf(SigningException.class)
			.hasMessageContaining(key + ": the key is encrypted and nobody can type its passphrase");
	}

	@Test
	void aChangedLineAReChainedJournalACutTailAndASwappedSignatureAreCaught() throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_ed25519"), "ed25519", 0, "", "alice@example.com");
		Path allowed = allowedSigners("alice@example.com", key);
		Path journal = writeJournal(KeyFileSigningKey.read(key, Passphrases.NONE), 3);
		byte[] original = Files.readAllBytes(journal);

		Files.writeString(journal, new String(original, StandardCharsets.UTF_8).replace("ok", "OK"));
		assertThat(check(journal, allowed).get(0).state()).isEqualTo(SignatureVerdict.State.MISMATCH);

		List<String> lines = new ArrayList<>(List.of(new String(original, StandardCharsets.UTF_8).split("\n")));
		Files.write(journal, lines.subList(0, 5).stream().map(l -> l + "\n").reduce("", String::concat)
			.getBytes(StandardCharsets.UTF_8));
		assertThat(new JournalReader().read(journal).verification().isBroken()).isFalse();
		assertThat(check(journal, allowed).get(0).state()).as("cut tail").isEqualTo(SignatureVerdict.State.MISMATCH);

		Path other = writeJournal(KeyFileSigningKey.read(key, Passphrases.NONE), 2);
		Files.write(journal, original);
		Files.copy(JournalSigner.signatureFile(other), JournalSigner.signatureFile(journal),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		SignatureVerdict swapped = check(journal, allowed).get(0);
		assertThat(swapped.state()).isEqualTo(SignatureVerdict.State.MISMATCH);
		assertThat(swapped.describe()).contains("does not match the journal");
		assertThat(SshKeygen.verify(allowed, "alice@example.com", JournalSigner.NAMESPACE,
				JournalSigner.signatureFile(journal), journal).exitCode()).isNotZero();
	}

	@Test
	void aKeyTheAllowedSignersDoNotListOrListForAnotherNamespaceIsNamedButNotTrusted() throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_ed25519"), "ed25519", 0, "", "mallory@example.com");
		Path stranger = SshKeygen.generate(this.dir.resolve("id_other"), "ed25519", 0, "", "alice@example.com");
		Path journal = writeJournal(KeyFileSigningKey.read(key, Passphrases.NONE), 1);

		SignatureVerdict unknown = check(journal, allowedSigners("alice@example.com", stranger)).get(0);
		assertThat(unknown.state()).isEqualTo(SignatureVerdict.State.UNKNOWN_SIGNER);
		assertThat(unknown.describe()).contains("signed by ED25519 SHA256:", "does not list");

		Path namespaced = this.dir.resolve("namespaced_signers");
		Files.writeString(namespaced,
				SshKeygen.allowedSignersLine("mallory@example.com", "namespaces=\"git\"", key.resolveSibling(key.getFileName() + ".pub")) + "\n");
		assertThat(check(journal, namespaced).get(0).describe()).contains("lists the key for namespaces \"git\" only");
	}

	@Test
	void aCrashLeavesThePrefixUpToTheLastCheckpointSignedAndAResumeKeepsThatSignature() throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_ed25519"), "ed25519", 0, "", "alice@example.com");
		Path allowed = allowedSigners("alice@example.com", key);
		JournalWriter writer = JournalWriter.create(this.dir, "plan", "local", Clock.systemUTC());
		JournalSigner signer = JournalSigner.of(writer.path(), KeyFileSigningKey.read(key, Passphrases.NONE),
				message -> {
				});
		writer.addLineListener(signer);
		writer.write(started());
		writer.write(new JournalEvent.BlockStarted(BLOCK, "echo ok"));
		writer.write(finished());
		awaitSignatureOf(writer.path(), 3);
		writer.write(new JournalEvent.BlockStarted(BLOCK, "echo again")); // no checkpoint: the "crash" follows
		Path journal = writer.path();

		SignatureVerdict prefix = check(journal, allowed).get(0);
		assertThat(prefix.state()).isEqualTo(SignatureVerdict.State.PREFIX);
		assertThat(prefix.lines()).isEqualTo(3);
		assertThat(prefix.describe()).contains("lines 1-3 of 4", "lines 4-4 are not signed");

		try (JournalWriter resumed = JournalWriter.append(journal, Clock.systemUTC())) {
			resumed.addLineListener(JournalSigner.of(journal, KeyFileSigningKey.read(key, Passphrases.NONE), m -> {
			}));
			resumed.write(new JournalEvent.SessionFinished(SessionStatus.SUCCEEDED, Map.of()));
		}
		List<SignatureVerdict> verdicts = check(journal, allowed);
		assertThat(verdicts).extracting(SignatureVerdict::state)
			.containsExactly(SignatureVerdict.State.WHOLE, SignatureVerdict.State.PREFIX);
		assertThat(verdicts.get(1).signatureFile()).hasFileName(journal.getFileName() + ".1.sig");
		// the first writer stands for the crashed process: it is never closed, so it never signs again
	}

	private Path writeJournal(SigningKey key, int blocks) {
		try (JournalWriter writer = JournalWriter.create(this.dir, "plan", "local", Clock.systemUTC())) {
			if (key != null) {
				writer.addLineListener(JournalSigner.of(writer.path(), key, message -> {
					throw new AssertionError(message);
				}));
			}
			writer.write(started());
			for (int i = 0; i < blocks; i++) {
				writer.write(new JournalEvent.BlockStarted(BLOCK, "echo ok " + i));
				writer.write(finished());
			}
			writer.write(new JournalEvent.SessionFinished(SessionStatus.SUCCEEDED, Map.of("succeeded", blocks)));
			return writer.path();
		}
	}

	private static JournalEvent.SessionStarted started() {
		return new JournalEvent.SessionStarted(new JournalEvent.RunbookRef("plan.md", "ab", "Plan"),
				new JournalEvent.TargetRef("local", "local", "host"), "alice", "laptop",
				new JournalEvent.ToolRef("runbook-shell", "test"), RunMode.YES, null, null);
	}

	private static JournalEvent.BlockFinished finished() {
		return new JournalEvent.BlockFinished(BLOCK, BlockStatus.SUCCEEDED, 0, 5, "ok\n", null, List.of());
	}

	private Path allowedSigners(String principal, Path key) throws Exception {
		Path file = this.dir.resolve("allowed_signers_" + key.getFileName());
		Files.writeString(file, "# who may sign journals\n"
				+ SshKeygen.allowedSignersLine(principal, "", key.resolveSibling(key.getFileName() + ".pub")) + "\n");
		return file;
	}

	private static List<SignatureVerdict> check(Path journal, Path allowed) {
		return new JournalSignatureCheck(AllowedSigners.read(allowed), Instant.now())
			.check(new JournalReader().read(journal));
	}

	private static void awaitSignatureOf(Path journal, int lines) throws Exception {
		long deadline = System.nanoTime() + 30_000_000_000L;
		Path sig = JournalSigner.signatureFile(journal);
		while (System.nanoTime() < deadline) {
			if (Files.exists(sig)) {
				SshSignature signature = SshSignature.parse(Files.readString(sig));
				byte[] all = Files.readAllBytes(journal);
				int end = 0;
				for (int seen = 0; seen < lines; end++) {
					if (all[end] == '\n') {
						seen++;
					}
				}
				byte[] hash = java.security.MessageDigest.getInstance("SHA-512")
					.digest(java.util.Arrays.copyOf(all, end));
				if (signature.verifies(JournalSigner.NAMESPACE, hash)) {
					return;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("no signature of the first " + lines + " lines of " + journal + " within 30 s");
	}

}
