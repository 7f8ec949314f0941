package dev.runbookshell.shell;

import java.io.PrintWriter;

import org.jline.reader.LineReader;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.session.RunSession;
import dev.runbookshell.session.SessionJournal;
import dev.runbookshell.targets.TargetDefinition;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetSession;

/**
 * The interactive shell's session: started lazily by the first {@code next}/{@code run}/{@code continue} after
 * {@code open} (connects to the chosen target, asking for host keys and passwords on the terminal, and creates
 * the journal); ended when another runbook is opened, another target chosen, or the shell exits.
 */
@Component
public class InteractiveSession implements DisposableBean {

	private final CurrentRunbook current;

	private final SessionLauncher launcher;

	private final InterruptRelay interrupts;

	private final ObjectProvider<LineReader> readers;

	private String targetName;

	private String logDir;

	private RunSession session;

	private String journalLocation;

	private InterruptRelay.Registration ending;

	public InteractiveSession(CurrentRunbook current, SessionLauncher launcher, InterruptRelay interrupts,
			ObjectProvider<LineReader> readers) {
		this.current = current;
		this.launcher = launcher;
		this.interrupts = interrupts;
		this.readers = readers;
		current.onChange(runbook -> end());
	}

	/** The target the next session runs on: as chosen with {@code use}, else the runbook's default. */
	public TargetDefinition target(Runbook runbook) {
		return this.launcher.targetDefinition(runbook, this.targetName);
	}

	/** Chooses the target (and journal folder); a running session is finished first. */
	public synchronized void use(String target, String logDir) {
		this.launcher.targetDefinition(this.current.require(), target); // unknown names fail here
		end();
		this.targetName = target;
		if (logDir != null) {
			this.logDir = logDir;
		}
	}

	/** The running session, or null. */
	public synchronized RunSession active() {
		return this.session;
	}

	/** The running session, started now when there is none. */
	public synchronized RunSession require(PrintWriter out) {
		if (this.session != null) {
			return this.session;
		}
		Runbook runbook = this.current.require();
		TargetDefinition definition = target(runbook);
		TerminalQuestions questions = new TerminalQuestions(this.readers.getObject());
		TargetSession target;
		try {
			out.println("connecting to " + SessionLauncher.describe(definition) + " ...");
			out.flush();
			target = this.launcher.open(definition, new TerminalPrompts(questions));
		}
		catch (TargetException ex) {
			throw CliException.target(SessionLauncher.describe(definition) + ": " + ex.getMessage(), ex);
		}
		SessionJournal journal;
		try {
			journal = this.launcher.newJournal(this.logDir, runbook, definition.name());
			this.session = RunSession.start(runbook, target, journal, new TerminalConfirmer(questions),
					new TerminalProgress(out), this.launcher.settings(definition));
		}
		catch (RuntimeException ex) {
			target.close();
			throw ex;
		}
		this.journalLocation = journal.location();
		RunSession started = this.session;
		this.ending = this.interrupts.ending(reason -> started.terminate(reason, RunCommands.SIGNAL_GRACE));
		out.println("session started on " + definition.name() + "; journal: " + journal.location());
		return this.session;
	}

	/** The journal of the running session, else of the last one in this shell, else null. */
	public synchronized String journalLocation() {
		return this.journalLocation;
	}

	/** Runs {@code action} with Ctrl-C routed to the session's running block. */
	public RunSession.Step drive(PrintWriter out, SessionAction action) {
		RunSession running = require(out);
		try (InterruptRelay.Registration relay = this.interrupts.during(running::interrupt)) {
			return action.apply(running);
		}
		catch (TargetException ex) {
			throw CliException.target(running.targetName() + ": " + ex.getMessage(), ex);
		}
	}

	/** Finishes the session (writes session-finished, closes target and journal). */
	public synchronized void end() {
		if (this.session != null) {
			try {
				this.ending.close();
				this.session.close();
			}
			finally {
				this.session = null;
			}
		}
	}

	@Override
	public void destroy() {
		end();
	}

	/** Something done to the session that may run blocks. */
	@FunctionalInterface
	public interface SessionAction {

		RunSession.Step apply(RunSession session) throws TargetException;

	}

}
