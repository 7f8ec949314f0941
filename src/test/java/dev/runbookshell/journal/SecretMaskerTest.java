package dev.runbookshell.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {

	@Test
	void masksEveryOccurrenceOfEverySecret() {
		SecretMasker masker = new SecretMasker(List.of("hunter2", "s3cr3t"));
		assertThat(masker.mask("PGPASSWORD=hunter2 psql; echo hunter2 s3cr3t"))
			.isEqualTo("PGPASSWORD=**** psql; echo **** ****");
	}

	@Test
	void aLongerSecretContainingAShorterOneIsMaskedWhole() {
		SecretMasker masker = new SecretMasker(List.of("pass", "password123"));
		assertThat(masker.mask("x=password123 y=pass")).isEqualTo("x=**** y=****");
	}

	@Test
	void overlappingSecretsLeaveNoPartOfEitherVisible() {
		SecretMasker masker = new SecretMasker(List.of("abc", "cde"));
		assertThat(masker.mask("[abcde] [abc] [cde]")).isEqualTo("[****] [****] [****]");
	}

	@Test
	void emptySecretsAreIgnoredAndNullStaysNull() {
		SecretMasker masker = new SecretMasker(List.of("", "k"));
		assertThat(masker.mask("key")).isEqualTo("****ey");
		assertThat(masker.mask(null)).isNull();
		assertThat(new SecretMasker(List.of("")).mask("text")).isEqualTo("text");
	}

	@Test
	void masksNonAsciiSecrets() {
		SecretMasker masker = new SecretMasker(List.of("pässwört€"));
		assertThat(masker.mask("pw=pässwört€!")).isEqualTo("pw=****!");
	}

	@Test
	void aSecretCutIntoOneByteChunksIsStillMasked() throws IOException {
		SecretMasker masker = new SecretMasker(List.of("hunter2", "abc", "cde"));
		byte[] input = "login hunter2 ok abcde end hunter2".getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MaskingOutputStream stream = masker.stream(out)) {
			for (byte b : input) {
				stream.write(b);
			}
		}
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("login **** ok **** end ****");
	}

	@Test
	void theStreamHoldsBackOnlyATailThatCouldStillBecomeASecret() throws IOException {
		SecretMasker masker = new SecretMasker(List.of("hunter2"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		MaskingOutputStream stream = masker.stream(out);
		stream.write("0123456789".getBytes(StandardCharsets.UTF_8));
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("0123456789");
		stream.write("hunt".getBytes(StandardCharsets.UTF_8));
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("0123456789");
		stream.write("er2".getBytes(StandardCharsets.UTF_8));
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("0123456789****");
		stream.close();
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("0123456789****");
	}

	@Test
	void aSecretAtTheVeryEndIsMaskedWhenTheStreamCloses() throws IOException {
		assertThat(streamed(List.of("tail-secret"), "output then tail-sec", "ret")).isEqualTo("output then ****");
	}

	@Test
	void aPartialSecretAtTheEndIsNotASecret() throws IOException {
		assertThat(streamed(List.of("hunter2"), "last word: hunter")).isEqualTo("last word: hunter");
	}

	@Test
	void overlappingSecretsSplitAcrossChunksLeaveNothingVisible() throws IOException {
		assertThat(streamed(List.of("abc", "cde"), "xabc", "dey")).isEqualTo("x****y");
	}

	/** What comes out of a masking stream fed these chunks and closed. */
	private static String streamed(List<String> secrets, String... chunks) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MaskingOutputStream stream = new SecretMasker(secrets).stream(out)) {
			for (String chunk : chunks) {
				stream.write(chunk.getBytes(StandardCharsets.UTF_8));
			}
		}
		return out.toString(StandardCharsets.UTF_8);
	}

}
