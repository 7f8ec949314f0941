package dev.runbookshell.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.BlockStarted;
import dev.runbookshell.journal.JournalEvent.Decision;
import dev.runbookshell.journal.JournalEvent.ExpectationResult;
import dev.runbookshell.journal.JournalEvent.RunbookRef;
import dev.runbookshell.journal.JournalEvent.SessionStarted;
import dev.runbookshell.journal.JournalEvent.TargetRef;
import dev.runbookshell.journal.JournalEvent.ToolRef;

/** Events and clocks shared by the journal tests. */
final class JournalFixtures {

	static final Instant START = Instant.parse("2025-03-01T02:00:00Z");

	static final BlockRef BACKUP = new BlockRef("2.1", "backup-db", "sha256:aa11");

	private JournalFixtures() {
	}

	/** A clock that moves on by a second each time it is read. */
	static Clock ticking() {
		return new Clock() {
			private Instant now = START;

			@Override
			public ZoneId getZone() {
				return ZoneId.of("UTC");
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public synchronized Instant instant() {
				Instant current = this.now;
				this.now = this.now.plus(Duration.ofMillis(1001));
				return current;
			}
		};
	}

	static SessionStarted sessionStarted() {
		return new SessionStarted(new RunbookRef("plans/db.md", "ab12", "Database move"),
				new TargetRef("prod", "ssh://ops@db1:22", "SHA256:xyz"), "alice", "laptop",
				new ToolRef("runbook-shell", "0.1.0"), RunMode.INTERACTIVE, Map.of("2", "Backup"), null);
	}

	/** A small session: started, a decision, a block that ran with output, finished. */
	static void writeSmallSession(JournalWriter writer) {
		writer.write(sessionStarted());
		writer.write(new Decision(BACKUP, DecisionChoice.RUN, null));
		writer.write(new BlockStarted(BACKUP, "pg_dump app > app.sql"));
		writer.write(new BlockFinished(BACKUP, BlockStatus.TIMED_OUT, 124, 3000, "dumping\n", null,
				List.of(new ExpectationResult("done", false))));
	}

}
