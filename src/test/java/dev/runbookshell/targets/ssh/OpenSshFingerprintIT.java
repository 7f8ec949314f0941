package dev.runbookshell.targets.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.schmizz.sshj.common.Buffer;

import dev.runbookshell.testsupport.OpenSshServerExtension;
import dev.runbookshell.testsupport.SshKeygen;

/** The fingerprint shown for a host key and for a journal's signing key is the one ssh-keygen prints. */
class OpenSshFingerprintIT {

	@TempDir
	Path dir;

	@BeforeAll
	static void keygen() {
		SshKeygen.require();
	}

	@ParameterizedTest
	@CsvSource({ "ed25519,0", "ecdsa,384", "rsa,3072" })
	void isWhatSshKeygenPrintsForTheKey(String type, int bits) throws Exception {
		Path key = SshKeygen.generate(this.dir.resolve("id_" + type), type, bits, "", "fingerprint-test");
		byte[] blob = Base64.getDecoder().decode(Files.readString(Path.of(key + ".pub")).strip().split("\\s+")[1]);
		String keygen = OpenSshServerExtension.fingerprintOf(key);

		assertThat(keygen).startsWith("SHA256:");
		assertThat(OpenSshFingerprint.of(blob)).isEqualTo(keygen);
		assertThat(OpenSshFingerprint.of(new Buffer.PlainBuffer(blob).readPublicKey())).isEqualTo(keygen);
	}

}
