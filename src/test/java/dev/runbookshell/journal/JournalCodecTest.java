package dev.runbookshell.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** States in events are enums, written and read by the codec in the spelling older builds wrote. */
class JournalCodecTest {

	private final JournalCodec codec = new JournalCodec();

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"seq\":1,\"at\":\"2025-03-01T02:00:00.000Z\",\"type\":\"session-started\",\"prev\":\"\",\"runbook\":{\"path\":\"db.md\",\"sha256\":\"ab\",\"title\":\"Move\"},\"target\":{\"name\":\"prod\",\"uri\":\"local\"},\"operator\":\"alice\",\"host\":\"laptop\",\"tool\":{\"name\":\"runbook-shell\",\"version\":\"0.1\"},\"mode\":\"answers\"}",
			"{\"seq\":2,\"at\":\"2025-03-01T02:00:01.000Z\",\"type\":\"decision\",\"prev\":\"aa\",\"block\":{\"id\":\"2.1\",\"name\":\"dump\",\"hash\":\"h\"},\"choice\":\"edit-retry\",\"text\":\"pg_dump -v\"}",
			"{\"seq\":3,\"at\":\"2025-03-01T02:00:02.000Z\",\"type\":\"block-finished\",\"prev\":\"bb\",\"block\":{\"id\":\"2.1\",\"name\":\"dump\",\"hash\":\"h\"},\"status\":\"succeeded-with-failures\",\"exitCode\":0,\"durationMs\":5,\"expectations\":[]}",
			"{\"seq\":4,\"at\":\"2025-03-01T02:00:03.000Z\",\"type\":\"check\",\"prev\":\"cc\",\"line\":9,\"text\":\"backup copied\",\"section\":\"2\",\"result\":\"unchecked\",\"note\":\"not yet\"}",
			"{\"seq\":5,\"at\":\"2025-03-01T02:00:04.000Z\",\"type\":\"session-resumed\",\"prev\":\"dd\",\"operator\":\"bob\",\"host\":\"ci\",\"mode\":\"replay\",\"unknownBlocks\":[]}",
			"{\"seq\":6,\"at\":\"2025-03-01T02:00:05.000Z\",\"type\":\"session-finished\",\"prev\":\"ee\",\"status\":\"interrupted\",\"counts\":{\"not-run\":1,\"succeeded-with-failures\":1}}" })
	void aLineAnOlderBuildWroteReadsIntoEnumsAndIsWrittenBackByteForByte(String line) {
		JournalEntry entry = this.codec.decode(line, 1);

		assertThat(this.codec.encode(entry)).isEqualTo(line);
	}

	@Test
	void eachStateIsReadIntoItsEnum() {
		JournalEvent.Decision decision = (JournalEvent.Decision) this.codec.decode(
				"{\"seq\":2,\"at\":\"2025-03-01T02:00:01.000Z\",\"type\":\"decision\",\"prev\":\"aa\",\"block\":{\"id\":\"2.1\",\"name\":\"dump\",\"hash\":\"h\"},\"choice\":\"edit-retry\",\"text\":\"x\"}",
				2).event();
		JournalEvent.SessionFinished finished = (JournalEvent.SessionFinished) this.codec.decode(
				"{\"seq\":6,\"at\":\"2025-03-01T02:00:05.000Z\",\"type\":\"session-finished\",\"prev\":\"ee\",\"status\":\"stopped\",\"counts\":{}}",
				6).event();

		assertThat(decision.choice()).isEqualTo(DecisionChoice.EDIT_RETRY);
		assertThat(finished.status()).isEqualTo(SessionStatus.STOPPED);
		assertThat(BlockStatus.TIMED_OUT.wire()).isEqualTo("timed-out");
	}

	@Test
	void aStateNoBuildWritesIsABadEventNamingTheType() {
		assertThatThrownBy(() -> this.codec.decode(
				"{\"seq\":4,\"at\":\"2025-03-01T02:00:03.000Z\",\"type\":\"check\",\"prev\":\"cc\",\"line\":9,\"text\":\"t\",\"section\":\"2\",\"result\":\"maybe\"}",
				4))
			.isInstanceOf(JournalException.class)
			.hasMessageStartingWith("bad check event");
	}

	@Test
	void eachLineOfACodecIsTheLineAFreshCodecWrites() {
		JournalEntry first = new JournalEntry(1, Instant.parse("2025-03-01T02:00:00Z"), "",
				new JournalEvent.Note("a much longer first note, so that a leftover would show", null), 0);
		JournalEntry second = new JournalEntry(2, Instant.parse("2025-03-01T02:00:01.5Z"), "aa",
				new JournalEvent.Note("second", null), 0);

		this.codec.encode(first);

		assertThat(this.codec.encode(second)).isEqualTo(new JournalCodec().encode(second))
			.isEqualTo("{\"seq\":2,\"at\":\"2025-03-01T02:00:01.500Z\",\"type\":\"note\",\"prev\":\"aa\",\"text\":\"second\"}");
	}

}
