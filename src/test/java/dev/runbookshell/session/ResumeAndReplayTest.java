package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEntry;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.RunMode;
import dev.runbookshell.runbook.FrontMatter;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.VariableSpec;

class ResumeAndReplayTest {

	private final Runbook plan = Runbooks.runbook()
		.block("1.1", "one", "echo one")
		.block("1.2", "two", "echo two")
		.block("1.3", "three", "echo three")
		.build();

	/** A rehearsal: one runs, two is skipped, three is edited. */
	private List<JournalEntry> rehearsal(Runbook runbook) throws Exception {
		SessionFixture rehearsal = new SessionFixture();
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN, Decision.SKIP,
				Decision.edit("echo three --carefully"));
		rehearsal.start(runbook, operator).runToEnd();
		return rehearsal.journal.entries();
	}

	@Test
	void replayAppliesTheRecordedSkipsAndEditsToTheSameBlocks() throws Exception {
		SessionFixture production = new SessionFixture();
		ReplayConfirmer replay = new ReplayConfirmer(JournalHistory.of("rehearsal.jsonl", rehearsal(this.plan)));
		production.settings = production.settings.withHistory(null, replay.history(), false);

		RunSession session = production.start(this.plan, replay);
		session.runToEnd();

		assertThat(production.target.scripts()).containsExactly("echo one", "echo three --carefully");
		assertThat(session.finish().status()).isEqualTo(SessionResult.Status.SUCCEEDED);
		assertThat(production.journal.all(JournalEvent.SessionStarted.class).get(0).mode()).isEqualTo(RunMode.REPLAY);
	}

	@Test
	void anEditHoldingASecretIsLoggedMaskedWithAWarningAndItsReplayIsRefusedInsteadOfSendingTheMask()
			throws Exception {
		SessionFixture rehearsal = new SessionFixture();
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN, Decision.SKIP,
				Decision.edit("echo three --password=hunter2-secret"));
		RunSession rehearsed = rehearsal.start(this.plan, operator);
		rehearsed.set("DB_PASSWORD", "hunter2-secret", true);
		rehearsed.runToEnd();

		assertThat(rehearsal.listener.warnings).anyMatch(w -> w.contains("the edit of 1.3 three contains a secret")
				&& w.contains("write $DB_PASSWORD instead") && !w.contains("hunter2-secret"));
		assertThat(rehearsal.journal.all(JournalEvent.Decision.class).get(2).text())
			.isEqualTo("echo three --password=****");

		ReplayConfirmer replay = new ReplayConfirmer(JournalHistory.of("rehearsal.jsonl", rehearsal.journal.entries()));
		assertThatThrownBy(() -> replay.checkCovers(this.plan.flowBlocks()))
			.isInstanceOf(SessionRefusedException.class)
			.hasMessageContaining("the edit of block 1.3 three recorded in rehearsal.jsonl contained a secret value");
		SessionFixture production = new SessionFixture();
		production.settings = production.settings.withHistory(null, replay.history(), false);
		RunSession session = production.start(this.plan, replay);
		assertThatThrownBy(session::runToEnd).isInstanceOf(SessionRefusedException.class);
		assertThat(production.target.scripts()).containsExactly("echo one");
	}

	@Test
	void aSecretTypedIntoAnEditBeforeItsVariableWasAskedStillNeverReachesTheJournal() throws Exception {
		Runbook runbook = Runbooks.runbook()
			.frontMatter(new FrontMatter("t", Map.of(), null,
					Map.of("DB_PASSWORD", new VariableSpec("DB_PASSWORD", null, "Database password", true, null)),
					Map.of(), null, null))
			.block("1.1", "login", "psql \"password=$DB_PASSWORD\"")
			.build();
		SessionFixture rehearsal = new SessionFixture();
		ScriptedConfirmer operator = new ScriptedConfirmer()
			.answering(Decision.edit("psql \"password=$DB_PASSWORD\" # was hunter2-secret"));
		operator.values.add("hunter2-secret");

		rehearsal.start(runbook, operator).runToEnd();

		assertThat(operator.asked).containsExactly("secret DB_PASSWORD: Database password");
		assertThat(rehearsal.journal.events.toString()).doesNotContain("hunter2-secret");
		assertThat(rehearsal.journal.all(JournalEvent.Decision.class)).singleElement()
			.satisfies(d -> assertThat(d.text()).isEqualTo("psql \"password=$DB_PASSWORD\" # was ****"));
		assertThat(rehearsal.journal.types()).containsSubsequence("decision", "block-started", "block-finished");
	}

	@Test
	void replayIsRefusedNamingTheBlockWhenItChangedSinceTheRehearsal() throws Exception {
		List<JournalEntry> log = rehearsal(this.plan);
		Runbook changed = Runbooks.runbook()
			.block("1.1", "one", "echo one")
			.block("1.2", "two", "echo two && reboot")
			.block("1.3", "three", "echo three")
			.build();
		SessionFixture production = new SessionFixture();
		ReplayConfirmer replay = new ReplayConfirmer(JournalHistory.of("rehearsal.jsonl", log));
		production.settings = production.settings.withHistory(null, replay.history(), false);

		assertThatThrownBy(() -> production.start(changed, replay)).isInstanceOf(SessionRefusedException.class)
			.hasMessageContaining("block 1.2 two changed since rehearsal.jsonl was written")
			.hasMessageContaining("--force");
		assertThat(production.journal.events).isEmpty();
	}

	@Test
	void forceReplaysAChangedRunbook() throws Exception {
		List<JournalEntry> log = rehearsal(this.plan);
		Runbook changed = Runbooks.runbook()
			.block("1.1", "one", "echo one v2")
			.block("1.2", "two", "echo two")
			.block("1.3", "three", "echo three")
			.build();
		SessionFixture production = new SessionFixture();
		ReplayConfirmer replay = new ReplayConfirmer(JournalHistory.of("rehearsal.jsonl", log));
		production.settings = production.settings.withHistory(null, replay.history(), true);

		production.start(changed, replay).runToEnd();

		assertThat(production.target.scripts()).startsWith("echo one v2");
	}

	@Test
	void replayOnTheSameTargetNameWithAnotherFingerprintIsRefused() throws Exception {
		List<JournalEntry> log = rehearsal(this.plan);
		SessionFixture production = new SessionFixture();
		production.target.fingerprint = "SHA256:other";
		ReplayConfirmer replay = new ReplayConfirmer(JournalHistory.of("rehearsal.jsonl", log));
		production.settings = production.settings.withHistory(null, replay.history(), false);

		assertThatThrownBy(() -> production.start(this.plan, replay)).isInstanceOf(SessionRefusedException.class)
			.hasMessageContaining("target staging is not the one rehearsal.jsonl was written on");
	}

	@Test
	void replayRefusesAtOnceWhenTheRecordedSessionNeverReachedABlock() throws Exception {
		SessionFixture rehearsal = new SessionFixture();
		rehearsal.start(this.plan, new ScriptedConfirmer().answering(Decision.RUN)).next();
		ReplayConfirmer replay = new ReplayConfirmer(JournalHistory.of("short.jsonl", rehearsal.journal.entries()));

		assertThatThrownBy(() -> replay.checkCovers(this.plan.flowBlocks()))
			.isInstanceOf(SessionRefusedException.class)
			.hasMessageContaining("block 1.2 two has no recorded decision in short.jsonl");
	}

	@Test
	void resumeSkipsFinishedBlocksAndRecordsTheInFlightOneAsUnknown() throws Exception {
		SessionFixture first = new SessionFixture();
		first.start(this.plan, new AutoConfirmer()).next();
		List<JournalEntry> log = new ArrayList<>(first.journal.entries());
		log.add(new JournalEntry(99, null, null, new JournalEvent.BlockStarted(
				new JournalEvent.BlockRef("1.2", "two", Runbooks.hash("echo two")), "echo two"), 99));
		SessionFixture resumed = new SessionFixture();
		resumed.settings = resumed.settings.withHistory(JournalHistory.of("crashed.jsonl", log), null, false);

		RunSession session = resumed.start(this.plan, new AutoConfirmer());
		session.runToEnd();

		assertThat(resumed.journal.all(JournalEvent.SessionResumed.class)).singleElement()
			.satisfies(e -> assertThat(e.unknownBlocks()).containsExactly("1.2"));
		assertThat(resumed.journal.all(JournalEvent.BlockFinished.class).get(0).status())
			.isEqualTo(BlockStatus.UNKNOWN);
		// unattended, the unknown block is not run again unless told so
		assertThat(resumed.target.scripts()).isEmpty();
		assertThat(session.stopReason()).startsWith("stopped before 1.2 two: its outcome is unknown")
			.contains("--rerun-unknown");
		assertThat(session.finish().status()).isEqualTo(SessionResult.Status.FAILED);

		SessionFixture told = new SessionFixture();
		told.settings = told.settings.withHistory(JournalHistory.of("crashed.jsonl", log), null, false)
			.withOnUnknown(OnUnknown.RERUN);
		RunSession rerun = told.start(this.plan, new AutoConfirmer());
		rerun.runToEnd();
		assertThat(told.target.scripts()).containsExactly("echo two", "echo three");
		assertThat(rerun.finish().status()).isEqualTo(SessionResult.Status.SUCCEEDED);
	}

	@Test
	void resumeIsRefusedWhenTheTargetIsAnotherMachine() throws Exception {
		SessionFixture first = new SessionFixture();
		first.start(this.plan, new AutoConfirmer()).next();
		SessionFixture resumed = new SessionFixture();
		resumed.target.fingerprint = "local:elsewhere";
		resumed.settings = resumed.settings.withHistory(JournalHistory.of("a.jsonl", first.journal.entries()), null,
				false);

		assertThatThrownBy(() -> resumed.start(this.plan, new AutoConfirmer()))
			.isInstanceOf(SessionRefusedException.class)
			.hasMessageContaining("cannot resume: target staging is not the one a.jsonl was written on");
	}

}
