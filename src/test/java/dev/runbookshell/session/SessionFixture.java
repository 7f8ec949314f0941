package dev.runbookshell.session;

import java.util.Map;

import dev.runbookshell.journal.JournalEvent.ToolRef;
import dev.runbookshell.runbook.Runbook;

/** A runbook, a fake target, a memory journal and a listener wired into sessions. */
final class SessionFixture {

	final FakeTarget target = new FakeTarget();

	final MemoryJournal journal = new MemoryJournal();

	final RecordingListener listener = new RecordingListener();

	SessionSettings settings = SessionSettings.of("staging", "local", new ToolRef("runbook-shell", "test"));

	RunSession start(Runbook runbook, Confirmer confirmer) {
		return RunSession.start(runbook, this.target, this.journal, confirmer, this.listener, this.settings);
	}

	SessionFixture vars(Map<String, String> given) {
		this.settings = this.settings.withVariables(given);
		return this;
	}

}
