package dev.runbookshell.shell;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.runbookshell.journal.JournalEvent.ToolRef;
import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalReader;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.report.LiveMarkdownLog;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.RunbookParseException;
import dev.runbookshell.runbook.RunbookParser;
import dev.runbookshell.runbook.TargetSpec;
import dev.runbookshell.session.JournalHistory;
import dev.runbookshell.session.SessionJournal;
import dev.runbookshell.session.SessionSettings;
import dev.runbookshell.session.WrittenJournal;
import dev.runbookshell.targets.TargetDefinition;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetFactory;
import dev.runbookshell.targets.TargetPrompts;
import dev.runbookshell.targets.TargetSession;

/**
 * What a session needs from the rest of the tool: the parsed runbook, the target (by front-matter name or URI),
 * a new or reopened journal, an earlier journal's history. Shared by {@code run} and the interactive commands.
 */
@Component
public class SessionLauncher {

	private final VersionInfo version;

	private final TargetFactory targets = new TargetFactory();

	public SessionLauncher(VersionInfo version) {
		this.version = version;
	}

	public Runbook parse(String file) {
		try {
			return new RunbookParser().parse(Path.of(file));
		}
		catch (RunbookParseException ex) {
			throw CliException.usage(ex.getMessage());
		}
	}

	/**
	 * {@code name} as a front-matter target, else as a URI; null means the front matter's default-target, else
	 * {@code local}.
	 */
	public TargetDefinition targetDefinition(Runbook runbook, String name) {
		String wanted = name != null && !name.isBlank() ? name.trim()
				: runbook.frontMatter().defaultTarget() != null ? runbook.frontMatter().defaultTarget() : "local";
		TargetSpec spec = runbook.frontMatter().targets().get(wanted);
		if (spec != null) {
			return new TargetDefinition(spec.name(), spec.uri(), spec.options());
		}
		if (wanted.equals("local") || wanted.contains("://")) {
			return new TargetDefinition(wanted, wanted, java.util.Map.of());
		}
		throw CliException.usage("unknown target '" + wanted + "': not in the front matter of " + runbook.file()
				+ (runbook.frontMatter().targets().isEmpty() ? ""
						: " (" + String.join(", ", runbook.frontMatter().targets().keySet()) + ")")
				+ " and not a URI (local, ssh://user@host, docker://container)");
	}

	public TargetSession open(TargetDefinition definition, TargetPrompts prompts) throws TargetException {
		try {
			return this.targets.create(definition).open(prompts);
		}
		catch (IllegalArgumentException ex) {
			throw CliException.usage(ex.getMessage());
		}
	}

	public SessionSettings settings(TargetDefinition definition) {
		return SessionSettings.of(definition.name(), definition.uri(),
				new ToolRef(this.version.name(), this.version.version()));
	}

	/** A new journal in {@code logDir}, created when the session writes its first event. */
	public SessionJournal newJournal(String logDir, Runbook runbook, String targetName) {
		Path dir = logDir == null ? JournalWriter.DEFAULT_DIR : Path.of(logDir);
		String slug = Path.of(runbook.file()).getFileName().toString().replaceFirst("\\.(md|markdown)$", "");
		return new WrittenJournal(() -> withMarkdownLog(JournalWriter.create(dir, slug, targetName, Clock.systemUTC())));
	}

	/** {@code log} continued, reopened when the session writes its first event. */
	public SessionJournal appendJournal(Path log) {
		return new WrittenJournal(() -> withMarkdownLog(JournalWriter.append(log, Clock.systemUTC())));
	}

	/** The human Migration Log ({@code .md} beside the journal) is re-rendered as blocks finish. */
	private static JournalWriter withMarkdownLog(JournalWriter writer) {
		writer.onProgress(new LiveMarkdownLog(writer.path(), writer.markdownPath()));
		return writer;
	}

	public JournalHistory history(Path log) {
		if (!java.nio.file.Files.isRegularFile(log)) {
			throw CliException.usage("no journal at " + log);
		}
		Journal journal = new JournalReader().read(log);
		// a journal whose chain is broken (or a file that is no journal at all) is nothing to resume or replay from
		if (journal.verification().isBroken()) {
			throw CliException.usage(journal.verification().describe(log));
		}
		return JournalHistory.of(log.toString(), journal.entries());
	}

	/** {@code prod (ssh://deploy@db1:22)}, or just the URI when the target was given as one. */
	static String describe(TargetDefinition definition) {
		return definition.name().equals(definition.uri()) ? definition.uri()
				: definition.name() + " (" + definition.uri() + ")";
	}

}
