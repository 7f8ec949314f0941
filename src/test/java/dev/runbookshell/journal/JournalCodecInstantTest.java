package dev.runbookshell.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code at} of a line is hashed: its text stays what the pattern {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} wrote. */
class JournalCodecInstantTest {

	private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	@ParameterizedTest
	@ValueSource(strings = { "2025-03-01T02:00:00Z", "2025-03-01T02:00:00.007Z", "2025-03-01T02:00:00.045Z",
			"2025-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1000-01-01T00:00:00.001Z",
			"9999-12-31T23:59:59.999Z", "0999-12-31T23:59:59.5Z", "+10000-01-01T00:00:00Z", "-0001-06-01T12:00:00Z" })
	void anInstantIsWrittenAsThePatternWritesIt(String instant) {
		Instant at = Instant.parse(instant);

		assertThat(JournalCodec.formatInstant(at)).isEqualTo(PATTERN.format(at.truncatedTo(ChronoUnit.MILLIS)));
	}

	@Test
	void anyInstantOfTheseCenturiesIsWrittenAsThePatternWritesIt() {
		Random random = new Random(15);
		for (int i = 0; i < 20_000; i++) {
			Instant at = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
					random.nextInt(1_000_000_000));

			assertThat(JournalCodec.formatInstant(at)).isEqualTo(PATTERN.format(at.truncatedTo(ChronoUnit.MILLIS)));
		}
	}

}
