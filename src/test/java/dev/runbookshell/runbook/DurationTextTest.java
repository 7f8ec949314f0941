package dev.runbookshell.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationTextTest {

	@Test
	void reportsSpellTheUnitsOutUpToHours() {
		assertThat(DurationText.report(850)).isEqualTo("850 ms");
		assertThat(DurationText.report(3_240)).isEqualTo("3.2 s");
		assertThat(DurationText.report(Duration.ofSeconds(245))).isEqualTo("4 min 05 s");
		assertThat(DurationText.report(Duration.ofMinutes(62))).isEqualTo("1 h 02 min");
	}

	@Test
	void theTerminalWritesThemShortInMinutesAndSeconds() {
		assertThat(DurationText.terminal(Duration.ofMillis(850))).isEqualTo("850ms");
		assertThat(DurationText.terminal(Duration.ofMillis(3_240))).isEqualTo("3.2s");
		assertThat(DurationText.terminal(Duration.ofSeconds(65))).isEqualTo("1m05s");
		assertThat(DurationText.terminal(Duration.ofMinutes(30))).isEqualTo("30m00s");
		assertThat(DurationText.terminal(Duration.ofMinutes(62))).isEqualTo("62m00s");
	}

	@Test
	void journalMessagesCountWholeSeconds() {
		assertThat(DurationText.seconds(Duration.ofMillis(850))).isEqualTo("0 s");
		assertThat(DurationText.seconds(Duration.ofMillis(53_900))).isEqualTo("53 s");
		assertThat(DurationText.seconds(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
		assertThat(DurationText.seconds(Duration.ofMinutes(62))).isEqualTo("62 min 00 s");
	}

	@Test
	void operatorsWriteThemAsTheyLike() {
		assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
		assertThat(DurationText.parse("90")).isEqualTo(Duration.ofSeconds(90));
	}

}
