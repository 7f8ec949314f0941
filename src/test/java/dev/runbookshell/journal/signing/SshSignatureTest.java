package dev.runbookshell.journal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.signature.Signature;
import net.schmizz.sshj.signature.SignatureECDSA;

class SshSignatureTest {

	@TempDir
	Path dir;

	private final KeyPair keys = ecKeys();

	private final SigningKey key = new SigningKey() {
		@Override
		public PublicKey publicKey() {
			return SshSignatureTest.this.keys.getPublic();
		}

		@Override
		public byte[] sign(byte[] data) {
			Signature engine = new SignatureECDSA.Factory256().create();
			engine.initSign(SshSignatureTest.this.keys.getPrivate());
			engine.update(data);
			return new Buffer.PlainBuffer().putString("ecdsa-sha2-nistp256").putBytes(engine.encode(engine.sign()))
				.getCompactData();
		}
	};

	@Test
	void anArmoredSignatureReadsBackAndVerifiesOnlyForItsNamespaceAndMessage() throws Exception {
		byte[] hash = sha512("the journal\n");
		SshSignature signature = SshSignature.sign(this.key, "journal@runbookshell.dev", "sha512", hash);

		String armored = signature.armored();
		SshSignature read = SshSignature.parse(armored.replace("\n", "\r\n"));

		assertThat(armored).startsWith("-----BEGIN SSH SIGNATURE-----\nU1NIU0lH").endsWith("-----END SSH SIGNATURE-----\n");
		assertThat(armored.lines().skip(1).takeWhile(l -> !l.startsWith("-----"))).allMatch(l -> l.length() <= 70);
		assertThat(read.verifies("journal@runbookshell.dev", hash)).isTrue();
		assertThat(read.verifies("file", hash)).isFalse();
		assertThat(read.verifies("journal@runbookshell.dev", sha512("another journal\n"))).isFalse();
		assertThat(read.signatureAlgorithm()).isEqualTo("ecdsa-sha2-nistp256");
	}

	@Test
	void textThatIsNoSignatureIsRefusedWithTheReason() {
		assertThatThrownBy(() -> SshSignature.parse("hello")).hasMessageContaining("no -----BEGIN SSH SIGNATURE-----");
		assertThatThrownBy(() -> SshSignature.parse("-----BEGIN SSH SIGNATURE-----\nAAAA\n"))
			.hasMessageContaining("no -----END SSH SIGNATURE-----");
		String notSshsig = "-----BEGIN SSH SIGNATURE-----\n" + Base64.getEncoder().encodeToString("PGPSIG......".getBytes())
				+ "\n-----END SSH SIGNATURE-----\n";
		assertThatThrownBy(() -> SshSignature.parse(notSshsig)).hasMessageContaining("no SSHSIG preamble");
	}

	@Test
	void allowedSignersNameTheKeysPrincipalsAndHonourNamespacesAndValidity() throws Exception {
		String keyField = "ecdsa-sha2-nistp256 " + Base64.getEncoder().encodeToString(SshKeys.blob(this.keys.getPublic()));
		Path file = this.dir.resolve("allowed_signers");
		Files.writeString(file, String.join("\n", "# comment", "",
				"old@example.com valid-before=\"20200101\" " + keyField,
				"git@example.com namespaces=\"git,file\" " + keyField,
				"\"alice@example.com,ops@example.com\" namespaces=\"journal@*\",valid-after=20200101Z " + keyField,
				"*@example.com cert-authority " + keyField, ""));

		AllowedSigners allowed = AllowedSigners.read(file);
		AllowedSigners.Match match = allowed.find(this.keys.getPublic(), "journal@runbookshell.dev", Instant.now());

		assertThat(allowed.signers()).hasSize(4);
		assertThat(match.signer()).get().extracting(AllowedSigners.Signer::principals)
			.isEqualTo("alice@example.com,ops@example.com");
		AllowedSigners.Match refused = allowed.find(this.keys.getPublic(), "other", Instant.now());
		assertThat(refused.signer()).isEmpty();
		assertThat(refused.refusal()).contains("allowed_signers:5 lists the key for namespaces \"journal@*\" only");
	}

	@Test
	void aBadAllowedSignersLineIsNamedByFileAndLine() throws Exception {
		Path file = this.dir.resolve("allowed_signers");
		Files.writeString(file, "# ok\nalice@example.com\n");

		assertThatThrownBy(() -> AllowedSigners.read(file)).isInstanceOf(SigningException.class)
			.hasMessage(file + ":2: expected principals, [options,] key type and key");
		Files.writeString(file, "alice@example.com frobnicate ssh-ed25519 AAAA\n");
		assertThatThrownBy(() -> AllowedSigners.read(file)).hasMessage(file + ":1: unknown option 'frobnicate'");
	}

	private static KeyPair ecKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sha512(String text) throws Exception {
		return MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8));
	}

}
