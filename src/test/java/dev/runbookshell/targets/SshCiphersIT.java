package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.runbookshell.testsupport.OpenSshServerExtension;

/**
 * Every cipher and MAC the SSH target runs on the JDK's provider, against an OpenSSH server that allows only that
 * one: a long block crosses to the server and a long output comes back, byte for byte, over many packets.
 */
class SshCiphersIT {

	@RegisterExtension
	static final OpenSshServerExtension AES128_GCM = new OpenSshServerExtension("Ciphers aes128-gcm@openssh.com");

	@RegisterExtension
	static final OpenSshServerExtension AES256_GCM = new OpenSshServerExtension("Ciphers aes256-gcm@openssh.com");

	@RegisterExtension
	static final OpenSshServerExtension AES128_CTR_SHA256_ETM = new OpenSshServerExtension("Ciphers aes128-ctr",
			"MACs hmac-sha2-256-etm@openssh.com");

	@RegisterExtension
	static final OpenSshServerExtension AES256_CTR_SHA512 = new OpenSshServerExtension("Ciphers aes256-ctr",
			"MACs hmac-sha2-512");

	@RegisterExtension
	static final OpenSshServerExtension AES192_CTR_SHA1 = new OpenSshServerExtension("Ciphers aes192-ctr",
			"MACs hmac-sha1");

	@RegisterExtension
	static final OpenSshServerExtension ONLY_3DES = new OpenSshServerExtension("Ciphers 3des-cbc");

	private static final String HEREDOC = IntStream.rangeClosed(1, 5000)
		.mapToObj(n -> "line " + n + " of a heredoc fed to the shell\n")
		.collect(Collectors.joining());

	private static final String SEQUENCE = IntStream.rangeClosed(1, 200_000)
		.mapToObj(n -> n + "\n")
		.collect(Collectors.joining());

	@Test
	void aes128GcmCarriesBlocksAndOutputIntact() throws Exception {
		assertRoundTrip(AES128_GCM);
	}

	@Test
	void aes256GcmCarriesBlocksAndOutputIntact() throws Exception {
		assertRoundTrip(AES256_GCM);
	}

	@Test
	void aes128CtrWithEncryptThenMacSha256CarriesBlocksAndOutputIntact() throws Exception {
		assertRoundTrip(AES128_CTR_SHA256_ETM);
	}

	@Test
	void aes256CtrWithHmacSha512CarriesBlocksAndOutputIntact() throws Exception {
		assertRoundTrip(AES256_CTR_SHA512);
	}

	@Test
	void aes192CtrWithHmacSha1CarriesBlocksAndOutputIntact() throws Exception {
		assertRoundTrip(AES192_CTR_SHA1);
	}

	@Test
	void aServerThatAllowsOnlyALegacyCipherIsRefusedAsTheOpenSshClientWouldRefuseIt() throws Exception {
		assertThatThrownBy(() -> target(ONLY_3DES).open(TargetPrompts.refusing()).close())
			.isInstanceOfSatisfying(TargetException.class,
					ex -> assertThat(ex.reason()).isEqualTo(TargetException.Reason.CONNECT))
			.hasMessageContaining("127.0.0.1:" + ONLY_3DES.port());
	}

	private static Target target(OpenSshServerExtension sshd) {
		return new TargetFactory(System::getenv, sshd.home())
			.create(new TargetDefinition("ssh", sshd.uri(), Map.of("identity", sshd.clientKey().toString(),
					"known-hosts", sshd.knownHosts().toString())));
	}

	private static void assertRoundTrip(OpenSshServerExtension sshd) throws Exception {
		Target target = target(sshd);
		try (TargetSession session = target.open(TargetPrompts.refusing())) {
			CollectingSink digest = new CollectingSink();
			session.execute(ExecRequest.of("heredoc", "sha256sum <<'EOF'\n" + HEREDOC + "EOF"), digest);
			assertThat(digest.out()).isEqualTo(sha256(HEREDOC) + "  -\n");
			CollectingSink sequence = new CollectingSink();
			ExecResult result = session.execute(ExecRequest.of("sequence", "seq 1 200000"), sequence);
			assertThat(result.exitCode()).isEqualTo(0);
			assertThat(sequence.out()).isEqualTo(SEQUENCE);
		}
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
