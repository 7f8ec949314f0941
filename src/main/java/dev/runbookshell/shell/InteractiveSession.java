package dev.runbookshell.shell;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.jline.reader.LineReader;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.session.JournalProof;
import dev.runbookshell.session.RunSession;
import dev.runbookshell.session.SessionAssembly;
import dev.runbookshell.session.SessionRequest;
import dev.runbookshell.session.SessionResult;
import dev.runbookshell.targets.TargetDefinition;
import dev.runbookshell.targets.TargetException;

/**
 * The interactive shell's session: started lazily by the first {@code next}/{@code run}/{@code continue} after
 * {@code open} (connects to the chosen target, asking for host keys and passwords on the terminal, and creates
 * the journal, signed and shipped as chosen with {@code use}); ended when another runbook is opened, another target
 * chosen, or the shell exits.
 */
@Component
public class InteractiveSession implements DisposableBean {

	private final CurrentRunbook current;

	private final SessionAssembly assembly;

	private final InterruptRelay interrupts;

	private final ObjectProvider<LineReader> readers;

	private String targetName;

	private String logDir;

	private JournalChoice journalChoice = new JournalChoice(null, null, null);

	private RunSession session;

	private JournalProof proof;

	private PrintWriter out;

	private String journalLocation;

	private InterruptRelay.Registration ending;

	private SessionResult.Status worst;

	public InteractiveSession(CurrentRunbook current, SessionAssembly assembly, InterruptRelay interrupts,
			ObjectProvider<LineReader> readers) {
		this.current = current;
		this.assembly = assembly;
		this.interrupts = interrupts;
		this.readers = readers;
		current.onChange(runbook -> end());
	}

	/** The target the next session runs on: as chosen with {@code use}, else the runbook's default. */
	public TargetDefinition target(Runbook runbook) {
		return SessionAssembly.target(runbook, this.targetName);
	}

	/**
	 * Chooses the target (and journal folder, signing, shipping: each kept as before when not given); a running
	 * session is finished first.
	 */
	public synchronized void use(String target, String logDir, JournalChoice journal) {
		SessionAssembly.target(this.current.require(), target); // unknown names fail here
		JournalProof.destination(journal.ship()); // so does a destination that is no URI
		end();
		this.targetName = target;
		if (logDir != null) {
			this.logDir = logDir;
		}
		this.journalChoice = this.journalChoice.with(journal);
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
		TerminalPrompts prompts = new TerminalPrompts(questions);
		JournalProof chosen = JournalProof.of(this.journalChoice.sign(), this.journalChoice.signKey(),
				this.journalChoice.ship(), prompts::readSecret, System::getenv, RunCommands::warn);
		out.println("connecting to " + SessionAssembly.describe(definition) + " ...");
		out.flush();
		try {
			this.session = this.assembly.open(new SessionRequest(runbook, definition,
					this.assembly.settings(definition), new TerminalConfirmer(questions), new TerminalProgress(out),
					prompts, this.logDir == null ? null : Path.of(this.logDir), chosen));
		}
		catch (TargetException ex) {
			throw CliException.target(ex.getMessage(), ex);
		}
		this.proof = chosen;
		this.out = out;
		this.journalLocation = this.session.journalLocation();
		RunSession started = this.session;
		this.ending = this.interrupts.ending(reason -> started.terminate(reason, RunCommands.SIGNAL_GRACE));
		out.println("session started on " + definition.name() + "; journal: " + this.journalLocation);
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

	/** Finishes the session (writes session-finished, closes target and journal, says where its signature is). */
	public synchronized void end() {
		if (this.session != null) {
			try {
				this.ending.close();
				this.session.close();
				this.worst = worse(this.worst, this.session.result().status());
			}
			catch (RuntimeException ex) {
				// a session that cannot end cleanly (its journal or target failed) did not succeed
				this.worst = SessionResult.Status.FAILED;
				throw ex;
			}
			finally {
				this.session = null;
				RunCommands.printProof(this.proof, this.out);
			}
		}
	}

	/** A {@code run} typed in the shell ended with {@code code}: its failure or interruption counts as a session's. */
	public synchronized void ran(ExitCode code) {
		if (code == ExitCode.FAILED || code == ExitCode.INTERRUPTED) {
			this.worst = worse(this.worst, code == ExitCode.FAILED ? SessionResult.Status.FAILED
					: SessionResult.Status.INTERRUPTED);
		}
	}

	/**
	 * What leaving the shell returns, as {@code run} would: 1 when a session of this shell (or a {@code run} typed
	 * in it) ended failed (a block failed, timed out or is unknown, even when the operator went on), else 130 when
	 * one was interrupted, else 0.
	 */
	public synchronized ExitCode exitCode() {
		if (this.worst == SessionResult.Status.FAILED) {
			return ExitCode.FAILED;
		}
		return this.worst == SessionResult.Status.INTERRUPTED ? ExitCode.INTERRUPTED : ExitCode.OK;
	}

	private static SessionResult.Status worse(SessionResult.Status before, SessionResult.Status now) {
		if (before == SessionResult.Status.FAILED || now == SessionResult.Status.FAILED) {
			return SessionResult.Status.FAILED;
		}
		return before == SessionResult.Status.INTERRUPTED ? before : now;
	}

	@Override
	public void destroy() {
		end();
	}

	/**
	 * How the interactive session's journal is signed and shipped, as {@code use} was told; null: not told.
	 * @param sign {@code --sign} ({@code RUNBOOK_SIGN} decides when null)
	 * @param signKey {@code --sign-key FILE}
	 * @param ship {@code --ship URI}
	 */
	public record JournalChoice(Boolean sign, String signKey, String ship) {

		/** This choice with what {@code later} names replacing it. */
		JournalChoice with(JournalChoice later) {
			return new JournalChoice(later.sign() != null ? later.sign() : this.sign,
					later.signKey() != null ? later.signKey() : this.signKey,
					later.ship() != null ? later.ship() : this.ship);
		}

	}

	/** Something done to the session that may run blocks. */
	@FunctionalInterface
	public interface SessionAction {

		RunSession.Step apply(RunSession session) throws TargetException;

	}

}
