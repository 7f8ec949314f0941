package dev.runbookshell.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalException;
import dev.runbookshell.journal.JournalReader;
import dev.runbookshell.report.ComparisonReport;
import dev.runbookshell.report.ReportFormat;
import dev.runbookshell.report.Run;
import dev.runbookshell.report.RunComparison;

/**
 * {@code report LOG [--format md|html|junit|json|cast] [--out FILE] [--compare LOG2]}: renders a migration
 * journal, or compares two. A journal whose hash chain is broken is never rendered: the command names its first
 * bad line and exits 1.
 */
@Component
public class ReportCommands {

	private final ObjectProvider<InteractiveSession> sessions;

	public ReportCommands(ObjectProvider<InteractiveSession> sessions) {
		this.sessions = sessions;
	}

	private static final String FORMATS = "md, html, junit, json, cast";

	@Command(name = "report", group = "Reports",
			description = "Render a migration log (md, html, junit, json, cast) or compare two runs")
	public void report(@Argument(index = 0, description = "journal file (.jsonl); in the shell, default: this session's") String log,
			@Option(longName = "format", description = "md (default), html, junit, json, cast") String format,
			@Option(longName = "out", description = "write the report to this file instead of printing it") String out,
			@Option(longName = "compare", description = "a second journal of the same runbook to compare with") String compare,
			CommandContext context) {
		String text = render(log == null || log.isBlank() ? sessionJournal() : log, format, out, compare);
		if (text != null) {
			PrintWriter writer = context.outputWriter();
			writer.print(text);
			writer.flush();
		}
	}

	/** In the interactive shell, {@code report} without LOG is about the session's own journal. */
	private String sessionJournal() {
		InteractiveSession session = this.sessions.getIfAvailable();
		return session == null ? null : session.journalLocation();
	}

	/** The report text to print, or null when it went to {@code out}. */
	String render(String log, String format, String out, String compare) {
		if (log == null || log.isBlank()) {
			throw CliException.usage("report needs a journal (or, in the shell, a session started with 'next'): runbook report LOG [--format " + FORMATS.replace(", ", "|")
					+ "] [--out FILE] [--compare LOG2]");
		}
		String formatName = format == null || format.isBlank() ? "md" : format.trim();
		String text;
		if (compare != null && !compare.isBlank()) {
			if (!formatName.equals("md") && !formatName.equals("json")) {
				throw CliException.usage("--compare writes md or json, not '" + formatName + "'");
			}
			RunComparison comparison = RunComparison.of(load(log), load(compare));
			text = formatName.equals("json") ? new ComparisonReport().json(comparison)
					: new ComparisonReport().markdown(comparison);
		}
		else {
			ReportFormat chosen = ReportFormat.fromCli(formatName)
				.orElseThrow(() -> CliException.usage("unknown format '" + formatName + "' (" + FORMATS + ")"));
			text = chosen.renderer().render(load(log));
		}
		if (out == null || out.isBlank()) {
			return text;
		}
		write(Path.of(out), text);
		return null;
	}

	private static Run load(String log) {
		Path file = Path.of(log);
		if (!Files.isRegularFile(file)) {
			throw CliException.usage(log + ": no such journal");
		}
		Journal journal;
		try {
			journal = new JournalReader().read(file);
		}
		catch (JournalException ex) {
			throw CliException.usage(ex.getMessage());
		}
		if (journal.verification().isBroken()) {
			throw CliException.failed(journal.verification().describe(file));
		}
		return Run.of(journal);
	}

	private static void write(Path out, String text) {
		try {
			Path parent = out.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(out, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw CliException.usage(out + ": cannot write report (" + ex.getMessage() + ")");
		}
	}

}
