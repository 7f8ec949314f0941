package dev.runbookshell.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.BlockStarted;
import dev.runbookshell.journal.JournalEvent.Decision;

/** One walk over a journal tells resume, replay and the reports the same story. */
class JournalFoldTest {

	private static final BlockRef DUMP = new BlockRef("2.2", "dump", "sha256:bb22");

	private final List<JournalEntry> entries = new ArrayList<>();

	@Test
	void aResumedSessionIsUnfinishedAgainAndItsInFlightBlockIsTheOneStillOpen() {
		add(JournalFixtures.sessionStarted());
		add(new Decision(JournalFixtures.BACKUP, DecisionChoice.RUN, null));
		add(new BlockStarted(JournalFixtures.BACKUP, "pg_dump"));
		add(new BlockFinished(JournalFixtures.BACKUP, BlockStatus.SUCCEEDED, 0, 10, "", null, List.of()));
		add(new Decision(DUMP, DecisionChoice.RUN, null));
		add(new BlockStarted(DUMP, "tar"));
		add(new JournalEvent.SessionFinished(SessionStatus.INTERRUPTED, Map.of()));
		add(new JournalEvent.SessionResumed("bob", "ci", RunMode.YES, List.of("2.2")));

		JournalFold fold = JournalFold.of(this.entries);

		assertThat(fold.status()).isNull();
		assertThat(fold.inFlight()).containsExactly(DUMP);
		assertThat(fold.outcomes()).singleElement().satisfies(outcome -> assertThat(outcome.started()).isTrue());
		assertThat(fold.block("2.2").attempts()).singleElement()
			.satisfies(attempt -> assertThat(attempt.finished()).isNull());
	}

	@Test
	void aSkipIsAnAttemptWithoutStartAndOnlyItsFinishCounts() {
		add(JournalFixtures.sessionStarted());
		add(new Decision(DUMP, DecisionChoice.SKIP, null));
		add(new BlockFinished(DUMP, BlockStatus.SKIPPED, null, 0, null, null, List.of()));
		add(new JournalEvent.SessionFinished(SessionStatus.SUCCEEDED, Map.of("skipped", 1)));

		JournalFold fold = JournalFold.of(this.entries);

		assertThat(fold.status()).isEqualTo(SessionStatus.SUCCEEDED);
		assertThat(fold.block("2.2").attempts()).singleElement().satisfies(attempt -> {
			assertThat(attempt.command()).isNull();
			assertThat(attempt.startedAt()).isNull();
		});
		assertThat(fold.outcomes()).singleElement().satisfies(outcome -> assertThat(outcome.started()).isFalse());
		assertThat(fold.inFlight()).isEmpty();
	}

	private void add(JournalEvent event) {
		this.entries.add(new JournalEntry(this.entries.size() + 1, Instant.parse("2025-03-01T02:00:00Z")
			.plusSeconds(this.entries.size()), "", event, this.entries.size() + 1));
	}

}
