package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.targets.ExecResult.Outcome;

class RunSessionTest {

	private final SessionFixture fixture = new SessionFixture();

	private final Runbook plan = Runbooks.runbook()
		.block("1.1", "stop-app", "echo stop-app", "rollback=start-app")
		.block("2.1", "migrate", "echo migrate", "rollback=undo-migrate")
		.block("2.2", "verify", "echo verify")
		.rollbackBlock("9.1", "undo-migrate", "echo undo-migrate")
		.rollbackBlock("9.2", "start-app", "echo start-app")
		.build();

	@Test
	void yesRunsEveryFlowBlockInOrderButNotTheRollbackSection() throws Exception {
		RunSession session = this.fixture.start(this.plan, new AutoConfirmer());

		assertThat(session.runToEnd()).isEqualTo(RunSession.Step.END);

		assertThat(this.fixture.target.scripts()).containsExactly("echo stop-app", "echo migrate", "echo verify");
		assertThat(session.finish().status()).isEqualTo(SessionResult.Status.SUCCEEDED);
		assertThat(this.fixture.journal.types()).startsWith("session-started", "decision", "block-started",
				"block-finished").endsWith("session-finished");
	}

	@Test
	void sessionStartedListsTheBlocksAnnotatedCutoverSoComparisonsNeedNotGuessFromNames() throws Exception {
		Runbook marked = Runbooks.runbook()
			.block("1.1", "stop-app", "echo stop-app", "cutover=true")
			.block("2.1", "migrate", "echo migrate", "cutover=true")
			.block("2.2", "verify", "echo verify")
			.build();

		this.fixture.start(marked, new AutoConfirmer()).runToEnd();
		this.fixture.start(this.plan, new AutoConfirmer());

		List<JournalEvent.SessionStarted> started = this.fixture.journal.all(JournalEvent.SessionStarted.class);
		assertThat(started.get(0).cutover()).containsExactly("1.1", "2.1");
		assertThat(started.get(1).cutover()).isNull();
	}

	@Test
	void headersCountTheFlowAndNameTheHeadingPathAndTarget() throws Exception {
		this.fixture.start(this.plan, new AutoConfirmer()).runToEnd();

		BlockPrompt second = this.fixture.listener.headers.get(1);
		assertThat(second.index()).isEqualTo(2);
		assertThat(second.total()).isEqualTo(3);
		assertThat(second.headingPath()).containsExactly("Migrate");
		assertThat(second.targetName()).isEqualTo("staging");
	}

	@Test
	void skippedBlockDoesNotRunAndIsRecordedSkipped() throws Exception {
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.SKIP, Decision.RUN, Decision.RUN);

		RunSession session = this.fixture.start(this.plan, operator);
		session.runToEnd();

		assertThat(this.fixture.target.scripts()).containsExactly("echo migrate", "echo verify");
		assertThat(this.fixture.journal.all(JournalEvent.BlockFinished.class).get(0).status())
			.isEqualTo(BlockStatus.SKIPPED);
		assertThat(session.finish().status()).isEqualTo(SessionResult.Status.SUCCEEDED);
	}

	@Test
	void editedTextIsWhatRunsAndWhatIsLogged() throws Exception {
		ScriptedConfirmer operator = new ScriptedConfirmer()
			.answering(Decision.edit("echo stop-app --graceful"), Decision.STOP);

		this.fixture.start(this.plan, operator).next();

		assertThat(this.fixture.target.scripts()).containsExactly("echo stop-app --graceful");
		assertThat(this.fixture.journal.all(JournalEvent.Decision.class).get(0).text())
			.isEqualTo("echo stop-app --graceful");
		assertThat(this.fixture.journal.all(JournalEvent.BlockStarted.class).get(0).command())
			.isEqualTo("echo stop-app --graceful");
	}

	@Test
	void allRunsTheRemainingBlocksWithoutAskingAgain() throws Exception {
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.ALL);

		RunSession session = this.fixture.start(this.plan, operator);
		session.next();

		assertThat(operator.prompts).hasSize(1);
		assertThat(this.fixture.target.scripts()).hasSize(3);
		assertThat(session.current()).isEmpty();
	}

	@Test
	void allStillAsksForABlockAnnotatedConfirmYesAsLintReadsItAlways() throws Exception {
		Runbook marked = Runbooks.runbook()
			.block("1.1", "stop-app", "echo stop-app")
			.block("2.1", "migrate", "echo migrate", "confirm=yes")
			.block("2.2", "verify", "echo verify", "confirm=true")
			.block("2.3", "report", "echo report")
			.build();
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.ALL, Decision.RUN, Decision.RUN);

		this.fixture.start(marked, operator).next();

		assertThat(operator.prompts).extracting(prompt -> prompt.block().id()).containsExactly("1.1", "2.1", "2.2");
		assertThat(this.fixture.target.scripts()).hasSize(4);
	}

	@Test
	void afterAStopInAllRemainingTheNextStepAsksAgain() throws Exception {
		this.fixture.target.failing("echo migrate");
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.ALL, Decision.RUN)
			.onFailure(Decision.STOP);

		RunSession session = this.fixture.start(this.plan, operator);

		assertThat(session.next()).isEqualTo(RunSession.Step.STOPPED);
		assertThat(session.result().status()).isEqualTo(SessionResult.Status.FAILED);
		session.goTo(this.plan.flowBlocks().get(2));
		assertThat(session.next()).isEqualTo(RunSession.Step.ADVANCED);
		assertThat(operator.prompts).extracting(prompt -> prompt.block().id()).containsExactly("1.1", "2.2");
	}

	@Test
	void stopEndsTheSessionWithoutRunningAnything() throws Exception {
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.STOP);

		RunSession session = this.fixture.start(this.plan, operator);

		assertThat(session.runToEnd()).isEqualTo(RunSession.Step.STOPPED);
		assertThat(this.fixture.target.scripts()).isEmpty();
		assertThat(session.finish().status()).isEqualTo(SessionResult.Status.STOPPED);
		assertThat(operator.asked).isEmpty(); // nothing succeeded, so no rollback is offered
	}

	@Test
	void retryAfterFailureRunsTheBlockAgain() throws Exception {
		this.fixture.target.failing("migrate");
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN, Decision.RUN, Decision.RUN)
			.onFailure(Decision.RETRY);

		RunSession session = this.fixture.start(this.plan, operator);
		session.runToEnd();

		assertThat(this.fixture.target.scripts()).containsExactly("echo stop-app", "echo migrate", "echo migrate",
				"echo verify");
		assertThat(operator.failurePrompts.get(0).message()).isEqualTo("exit code 1");
		assertThat(session.finish().status()).isEqualTo(SessionResult.Status.SUCCEEDED);
	}

	@Test
	void editAndRetryRunsTheEditedText() throws Exception {
		this.fixture.target.failing("migrate");
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN, Decision.RUN, Decision.STOP)
			.onFailure(Decision.editAndRetry("echo migrate --again"));

		this.fixture.start(this.plan, operator).runToEnd();

		assertThat(this.fixture.target.scripts()).containsSubsequence("echo migrate", "echo migrate --again");
	}

	@Test
	void ignoredFailureContinuesButTheSessionCountsAsFailed() throws Exception {
		this.fixture.target.failing("migrate");
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN, Decision.RUN, Decision.RUN)
			.onFailure(Decision.IGNORE);

		RunSession session = this.fixture.start(this.plan, operator);
		session.runToEnd();

		assertThat(this.fixture.target.scripts()).endsWith("echo verify");
		SessionResult result = session.finish();
		assertThat(result.status()).isEqualTo(SessionResult.Status.FAILED);
		assertThat(result.counts()).containsEntry("failed", 1).containsEntry("succeeded", 2);
	}

	@Test
	void rollbackRunsThePairedBlocksOfWhatRanNewestFirstThenAsksAgain() throws Exception {
		this.fixture.target.failing("verify");
		ScriptedConfirmer operator = new ScriptedConfirmer()
			.answering(Decision.RUN, Decision.RUN, Decision.RUN, Decision.RUN, Decision.RUN)
			.onFailure(Decision.ROLLBACK, Decision.STOP);

		RunSession session = this.fixture.start(this.plan, operator);

		assertThat(session.runToEnd()).isEqualTo(RunSession.Step.STOPPED);
		assertThat(this.fixture.target.scripts()).containsExactly("echo stop-app", "echo migrate", "echo verify",
				"echo undo-migrate", "echo start-app");
		assertThat(operator.failurePrompts.get(0).rollbackAvailable()).isTrue();
		// asked again for the failed block, without a second rollback on offer
		assertThat(operator.failurePrompts).hasSize(2);
		assertThat(operator.failurePrompts.get(1).rollbackAvailable()).isFalse();
	}

	@Test
	void afterARollbackTheOperatorGoesOnWithTheNextBlock() throws Exception {
		this.fixture.target.failing("migrate");
		ScriptedConfirmer operator = new ScriptedConfirmer()
			.answering(Decision.RUN, Decision.RUN, Decision.RUN, Decision.RUN, Decision.RUN)
			.onFailure(Decision.ROLLBACK, Decision.IGNORE);

		RunSession session = this.fixture.start(this.plan, operator);

		assertThat(session.runToEnd()).isEqualTo(RunSession.Step.END);
		assertThat(this.fixture.target.scripts()).containsExactly("echo stop-app", "echo migrate",
				"echo undo-migrate", "echo start-app", "echo verify");
	}

	@Test
	void withoutPairsTheRollbackSectionIsOfferedInOrderOnStop() throws Exception {
		Runbook unpaired = Runbooks.runbook()
			.block("1.1", "one", "echo one")
			.block("1.2", "two", "echo two")
			.rollbackBlock("9.1", "undo-a", "echo undo-a")
			.rollbackBlock("9.2", "undo-b", "echo undo-b")
			.build();
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN, Decision.STOP, Decision.RUN,
				Decision.RUN);
		operator.rollback = true;

		this.fixture.start(unpaired, operator).runToEnd();

		assertThat(operator.asked).containsExactly("rollback [9.1 undo-a, 9.2 undo-b]");
		assertThat(this.fixture.target.scripts()).containsExactly("echo one", "echo undo-a", "echo undo-b");
	}

	@Test
	void riskyBlockRunsOnlyWhenTheOperatorTypesTheTargetName() throws Exception {
		Runbook risky = Runbooks.runbook().block("1.1", "wipe", "rm -rf /var/cache/app").build();
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN, Decision.RUN);
		operator.typed.addAll(List.of("prod", "staging"));

		RunSession session = this.fixture.start(risky, operator);
		session.next();

		assertThat(operator.asked).containsExactly("typed 1.1 wipe (rm -rf /var/cache/app)", "typed 1.1 wipe (rm -rf /var/cache/app)");
		assertThat(this.fixture.listener.messages).contains("not confirmed: 1.1 wipe did not run");
		assertThat(this.fixture.target.scripts()).containsExactly("rm -rf /var/cache/app");
	}

	@Test
	void yesRunsRiskyBlocksAndNotesThatTheDecisionWasAutomatic() throws Exception {
		Runbook risky = Runbooks.runbook().block("1.1", "stop", "systemctl stop nginx").build();

		this.fixture.start(risky, new AutoConfirmer()).runToEnd();

		assertThat(this.fixture.target.scripts()).containsExactly("systemctl stop nginx");
		assertThat(this.fixture.journal.all(JournalEvent.Note.class)).singleElement()
			.satisfies(note -> assertThat(note.text()).contains("systemctl stop nginx").contains("--yes"));
	}

	@Test
	void unmetExpectationFailsTheBlock() throws Exception {
		Runbook checked = Runbooks.runbook().expecting("1.1", "health", "curl -sI http://app", "HTTP/1.1 200").build();
		this.fixture.target.when("curl", Outcome.COMPLETED, 0, "HTTP/1.1 503 Unavailable\n");

		RunSession session = this.fixture.start(checked, new AutoConfirmer());
		session.runToEnd();

		JournalEvent.BlockFinished finished = this.fixture.journal.all(JournalEvent.BlockFinished.class).get(0);
		assertThat(finished.status()).isEqualTo(BlockStatus.FAILED);
		assertThat(finished.expectations()).containsExactly(new JournalEvent.ExpectationResult("HTTP/1.1 200", false));
		assertThat(session.finish().status()).isEqualTo(SessionResult.Status.FAILED);
	}

	@Test
	void annotatedExitCodesAreAccepted() throws Exception {
		Runbook grep = Runbooks.runbook().block("1.1", "grep", "grep x y", "exit=0,1").build();
		this.fixture.target.when("grep", Outcome.COMPLETED, 1, "");

		RunSession session = this.fixture.start(grep, new AutoConfirmer());
		session.runToEnd();

		assertThat(session.finish().status()).isEqualTo(SessionResult.Status.SUCCEEDED);
	}

	@Test
	void retriesRunAFailingBlockAgainBeforeAsking() throws Exception {
		Runbook flaky = Runbooks.runbook().block("1.1", "flaky", "curl flaky", "retries=2").build();
		this.fixture.target.failing("flaky").failing("flaky");

		RunSession session = this.fixture.start(flaky, new AutoConfirmer());
		session.runToEnd();

		assertThat(this.fixture.target.scripts()).hasSize(3);
		assertThat(session.finish().status()).isEqualTo(SessionResult.Status.SUCCEEDED);
	}

	@Test
	void lostConnectionMarksTheBlockUnknownAndNeverRunsItAgainUnasked() throws Exception {
		this.fixture.target.when("migrate", Outcome.CONNECTION_LOST, null, "");

		RunSession session = this.fixture.start(this.plan, new AutoConfirmer());
		session.runToEnd();

		assertThat(this.fixture.target.scripts()).containsExactly("echo stop-app", "echo migrate");
		assertThat(this.fixture.listener.finished.get(1).status()).isEqualTo(BlockStatus.UNKNOWN);
		assertThat(this.fixture.listener.finished.get(1).message()).contains("unknown");
		assertThat(session.finish().status()).isEqualTo(SessionResult.Status.FAILED);
	}

	@Test
	void retryAfterALostConnectionReconnectsFirst() throws Exception {
		this.fixture.target.when("migrate", Outcome.CONNECTION_LOST, null, "");
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN, Decision.RUN, Decision.RUN)
			.onFailure(Decision.RETRY);

		RunSession session = this.fixture.start(this.plan, operator);
		session.runToEnd();

		assertThat(this.fixture.target.reconnects).isEqualTo(1);
		assertThat(this.fixture.target.scripts()).containsExactly("echo stop-app", "echo migrate", "echo migrate",
				"echo verify");
		assertThat(operator.failurePrompts.get(0).status()).isEqualTo(BlockStatus.UNKNOWN);
	}

	@Test
	void aBlockThatEndsTheShellWarnsThatTheNextGetsAFreshShell() throws Exception {
		this.fixture.target.when("stop-app", Outcome.SHELL_EXITED, 0, "");

		this.fixture.start(this.plan, new AutoConfirmer()).runToEnd();

		assertThat(this.fixture.listener.warnings).anyMatch(w -> w.contains("fresh shell"));
		assertThat(this.fixture.listener.finished.get(0).status()).isEqualTo(BlockStatus.SUCCEEDED);
	}

	@Test
	void interruptedBlockStopsAnUnattendedSessionAsInterrupted() throws Exception {
		this.fixture.target.when("migrate", Outcome.INTERRUPTED, 130, "");

		RunSession session = this.fixture.start(this.plan, new AutoConfirmer());

		assertThat(session.runToEnd()).isEqualTo(RunSession.Step.STOPPED);
		assertThat(session.finish().status()).isEqualTo(SessionResult.Status.INTERRUPTED);
		assertThat(this.fixture.target.scripts()).doesNotContain("echo verify");
	}

	@Test
	void ctrlCRightAfterTheOperatorSaidRunStopsThatBlockBeforeItStartsAndARetryRunsIt() throws Exception {
		RunSession[] session = new RunSession[1];
		ScriptedConfirmer operator = new ScriptedConfirmer() {
			@Override
			public Decision beforeBlock(BlockPrompt prompt) {
				Decision decision = super.beforeBlock(prompt);
				session[0].interrupt(); // Ctrl-C pressed just after the answer
				return decision;
			}
		}.answering(Decision.RUN).onFailure(Decision.RETRY);
		session[0] = this.fixture.start(this.plan, operator);

		session[0].next();

		assertThat(operator.failurePrompts).singleElement()
			.satisfies(f -> assertThat(f.status()).isEqualTo(BlockStatus.INTERRUPTED));
		assertThat(this.fixture.listener.finished.get(0).status()).isEqualTo(BlockStatus.INTERRUPTED);
		// not run when interrupted; run once on the operator's retry
		assertThat(this.fixture.target.scripts()).containsExactly("echo stop-app");
		assertThat(this.fixture.listener.finished.get(1).status()).isEqualTo(BlockStatus.SUCCEEDED);
	}

	@Test
	void ctrlCAtThePromptIsNotCarriedIntoTheBlockTheOperatorThenChoosesToRun() throws Exception {
		ScriptedConfirmer operator = new ScriptedConfirmer().answering(Decision.RUN);
		RunSession session = this.fixture.start(this.plan, operator);
		session.interrupt(); // e.g. Ctrl-C at an earlier prompt, dealt with there

		session.next();

		assertThat(this.fixture.target.scripts()).containsExactly("echo stop-app");
		assertThat(this.fixture.listener.finished.get(0).status()).isEqualTo(BlockStatus.SUCCEEDED);
	}

	@Test
	void timeoutDefaultsToThirtyMinutesUnattendedAndNoneInteractively() throws Exception {
		this.fixture.start(this.plan, new AutoConfirmer()).next();
		SessionFixture interactive = new SessionFixture();
		interactive.start(this.plan, new ScriptedConfirmer().answering(Decision.RUN)).next();

		assertThat(this.fixture.target.requests.get(0).timeout()).isEqualTo(RunSession.UNATTENDED_TIMEOUT);
		assertThat(interactive.target.requests.get(0).timeout()).isNull();
	}

}
