package dev.runbookshell.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalEvent.ToolRef;
import dev.runbookshell.journal.JournalReader;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.Slug;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.RunbookParseException;
import dev.runbookshell.runbook.RunbookParser;
import dev.runbookshell.targets.Target;
import dev.runbookshell.targets.TargetDefinition;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetFactory;
import dev.runbookshell.targets.TargetPrompts;
import dev.runbookshell.targets.TargetSession;

/**
 * The one place a session is put together, for {@code run}, the interactive shell and each host of a fleet:
 * parse the runbook, choose the target, open it, open the journal (new, or the resumed one) with its signing and
 * shipping, start the session; what was opened is closed again, in reverse order, when a later step fails.
 * Thread-safe: it holds nothing that changes, so several threads may each {@link #open} a session of their own.
 */
public final class SessionAssembly {

	private final Function<TargetDefinition, Target> targets;

	private final ToolRef tool;

	private final Clock clock;

	private final Consumer<JournalWriter> onJournalOpened;

	/**
	 * @param targets makes a target from its definition ({@link TargetFactory#create}); throws
	 * {@link IllegalArgumentException} for a URI it does not know
	 * @param onJournalOpened what else watches a journal once its first event created it (the live Markdown log);
	 * called on the thread that writes that event
	 */
	public SessionAssembly(Function<TargetDefinition, Target> targets, ToolRef tool, Clock clock,
			Consumer<JournalWriter> onJournalOpened) {
		this.targets = targets;
		this.tool = tool;
		this.clock = clock;
		this.onJournalOpened = onJournalOpened;
	}

	/** @throws RunbookParseException naming the file and line */
	public static Runbook parse(Path file) throws RunbookParseException {
		return new RunbookParser().parse(file);
	}

	/**
	 * {@code name} as a front-matter target, else as a URI; null means the front matter's default-target, else
	 * {@code local}.
	 * @throws SessionRefusedException for a name that is neither, listing the declared ones
	 */
	public static TargetDefinition target(Runbook runbook, String name) {
		String wanted = name != null && !name.isBlank() ? name.trim()
				: runbook.frontMatter().defaultTarget() != null ? runbook.frontMatter().defaultTarget() : "local";
		TargetDefinition declared = runbook.frontMatter().targets().get(wanted);
		if (declared != null) {
			return declared;
		}
		if (wanted.equals("local") || wanted.contains("://")) {
			return new TargetDefinition(wanted, wanted, Map.of());
		}
		throw new SessionRefusedException("unknown target '" + wanted + "': not in the front matter of "
				+ runbook.file() + (runbook.frontMatter().targets().isEmpty() ? ""
						: " (" + String.join(", ", runbook.frontMatter().targets().keySet()) + ")")
				+ " and not a URI (local, ssh://user@host, docker://container)");
	}

	/** {@code prod (ssh://deploy@db1:22)}, or just the URI when the target was given as one. */
	public static String describe(TargetDefinition definition) {
		return definition.name().equals(definition.uri()) ? definition.uri()
				: definition.name() + " (" + definition.uri() + ")";
	}

	/** A fresh session on {@code definition} by the current operator on this machine, with this tool's version. */
	public SessionSettings settings(TargetDefinition definition) {
		return SessionSettings.of(definition.name(), definition.uri(), this.tool);
	}

	/**
	 * The journal at {@code log}, to resume or replay.
	 * @throws SessionRefusedException when there is none, or its hash chain is broken (or it is no journal)
	 */
	public static JournalHistory history(Path log) {
		if (!Files.isRegularFile(log)) {
			throw new SessionRefusedException("no journal at " + log);
		}
		Journal journal = new JournalReader().read(log);
		if (journal.verification().isBroken()) {
			throw new SessionRefusedException(journal.verification().describe(log));
		}
		return JournalHistory.of(log.toString(), journal.entries());
	}

	/**
	 * Opens the target, then the journal (created by the session's first event: {@code logDir}, or the resumed
	 * journal of {@link SessionSettings#resume()}), attaches the proof to it and starts the session. On failure
	 * the session, journal, target and proof that were opened are closed, in that order.
	 * @throws TargetException when the target cannot be opened; its message starts with {@link #describe}
	 * @throws SessionRefusedException for a target URI that is not one of the kinds, or what
	 * {@link RunSession#start} refuses
	 */
	public RunSession open(SessionRequest request) throws TargetException {
		TargetDefinition definition = withRunbookShell(request.target(), request.runbook());
		TargetSession target;
		try {
			target = openTarget(definition, request.prompts());
		}
		catch (TargetException | RuntimeException ex) {
			request.proof().discard();
			throw ex;
		}
		WrittenJournal journal = null;
		try {
			journal = journal(request);
			request.proof().attach(journal, request.settings().host());
			return RunSession.start(request.runbook(), target, journal, request.confirmer(), request.listener(),
					request.settings());
		}
		catch (RuntimeException ex) {
			if (journal != null) {
				journal.close();
			}
			target.close();
			request.proof().discard();
			throw ex;
		}
	}

	/** The front matter's {@code shell} on a target that names none of its own (a target's own wins). */
	static TargetDefinition withRunbookShell(TargetDefinition definition, Runbook runbook) {
		String shell = runbook.frontMatter().shell();
		if (shell == null || shell.isBlank() || TargetFactory.options(definition).containsKey("shell")) {
			return definition;
		}
		Map<String, String> options = new java.util.LinkedHashMap<>(definition.options());
		options.put("shell", shell.strip());
		return new TargetDefinition(definition.name(), definition.uri(), options);
	}

	private TargetSession openTarget(TargetDefinition definition, TargetPrompts prompts) throws TargetException {
		try {
			return this.targets.apply(definition).open(prompts);
		}
		catch (IllegalArgumentException ex) {
			throw new SessionRefusedException(ex.getMessage());
		}
		catch (TargetException ex) {
			throw new TargetException(ex.reason(), describe(definition) + ": " + ex.getMessage(), ex);
		}
	}

	private WrittenJournal journal(SessionRequest request) {
		JournalHistory resumed = request.settings().resume();
		if (resumed != null) {
			Path log = Path.of(resumed.location());
			return new WrittenJournal(() -> opened(JournalWriter.append(log, this.clock)));
		}
		Path dir = request.logDir() == null ? JournalWriter.DEFAULT_DIR : request.logDir();
		String slug = Slug.ofRunbook(request.runbook().file());
		String targetName = request.target().name();
		return new WrittenJournal(() -> opened(JournalWriter.create(dir, slug, targetName, this.clock)));
	}

	private JournalWriter opened(JournalWriter writer) {
		this.onJournalOpened.accept(writer);
		return writer;
	}

}
