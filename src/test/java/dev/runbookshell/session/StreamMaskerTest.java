package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StreamMaskerTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private StreamMasker masker(String... secrets) {
		SecretValues values = new SecretValues();
		for (String secret : secrets) {
			values.add(secret);
		}
		return values.stream(this.out::write);
	}

	private static void write(StreamMasker masker, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		masker.write(bytes, 0, bytes.length);
	}

	@Test
	void secretSplitAcrossChunksIsMasked() {
		StreamMasker masker = masker("s3cr3t-pass");
		write(masker, "password is s3cr");
		write(masker, "3t-pa");
		write(masker, "ss, done\n");
		masker.flush();

		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEqualTo("password is ****, done\n");
	}

	@Test
	void aPrefixThatTurnsOutNotToBeTheSecretIsEmittedUnchanged() {
		StreamMasker masker = masker("s3cr3t");
		write(masker, "s3c");
		write(masker, "ond\n");
		write(masker, "tail s3");
		masker.flush();

		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEqualTo("s3cond\ntail s3");
	}

	@Test
	void textWithoutSecretsIsPassedOnAsItArrives() {
		StreamMasker masker = masker();
		write(masker, "hello");

		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEqualTo("hello");
	}

}
