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
 * {@code report LOG [--format md|html|junit|json|cast|runbook] [--out FILE] [--compare LOG2] [--verify
 * ALLOWED_SIGNERS]}: renders a migration journal, or compares two. A journal whose hash chain is broken is never
 * rendered: the command names its first bad line and exits 1 (2 when the first line is no event: not a journal,
 * nor is a file without events); with {@code --verify}, neither is one whose signatures fail (see
 * {@link JournalVerification}).
 */
@Component
public class ReportCommands {

	private final ObjectProvider<InteractiveSession> sessions;

	public ReportCommands(ObjectProvider<InteractiveSession> sessions) {
		this.sessions = sessions;
	}

	private static final String FORMATS = "md, html, junit, json, cast, runbook";

	@Command(name = "report", group = "Reports",
			description = "Render a migration log (md, html, junit, json, cast, runbook) or compare two runs")
	public void report(@Argument(index = 0, description = "journal file (.jsonl); in the shell, default: this session's") String log,
			@Option(longName = "format", description = "md (default), html, junit, json, cast, runbook") String format,
			@Option(longName = "out", description = "write the report to this file instead of printing it") String out,
			@Option(longName = "compare", description = "a second journal of the same runbook to compare with (for a fleet index: a second fleet index)") String compare,
			@Option(longName = "verify", description = "check the journal's signatures against this allowed_signers file") String verify,
			@Option(longName = "runbook", description = "for --format runbook: the runbook file that ran (default: the path in the journal)") String runbook,
			CommandContext context) {
		Rendered rendered = render(log == null || log.isBlank() ? sessionJournal() : log, format, out, compare,
				verify, runbook);
		if (rendered.bytes() != null) {
			RunbookRecordReport.print(context.outputWriter(), rendered.bytes());
		}
		if (rendered.shortfall() != null) {
			throw CliException.failed(rendered.shortfall());
		}
	}

	/** In the interactive shell, {@code report} without LOG is about the session's own journal. */
	private String sessionJournal() {
		InteractiveSession session = this.sessions.getIfAvailable();
		return session == null ? null : session.journalLocation();
	}

	/**
	 * A report ready to print.
	 * @param bytes what to print, or null when it went to {@code --out}
	 * @param shortfall with {@code --verify}, why not the whole journal is proven (exit 1 after printing), else null
	 */
	record Rendered(byte[] bytes, String shortfall) {
	}

	/** The report text to print, or null when it went to {@code out}. */
	String render(String log, String format, String out, String compare) {
		byte[] bytes = render(log, format, out, compare, null, null).bytes();
		return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * As {@link #render(String, String, String, String)}; with {@code verify} (an allowed_signers file) only what
	 * is signed is rendered; {@code runbook} is the runbook file for {@code --format runbook}.
	 */
	Rendered render(String log, String format, String out, String compare, String verify, String runbook) {
		if (log == null || log.isBlank()) {
			throw CliException.usage("report needs a journal (or, in the shell, a session started with 'next'): runbook report LOG [--format " + FORMATS.replace(", ", "|")
					+ "] [--out FILE] [--compare LOG2] [--verify ALLOWED_SIGNERS]");
		}
		String formatName = format == null || format.isBlank() ? "md" : format.trim();
		if (dev.runbookshell.fleet.FleetIndexFile.isIndex(Path.of(log))) {
			byte[] fleet = FleetReports.render(Path.of(log), formatName, compare, verify, stderr());
			if (out == null || out.isBlank()) {
				return new Rendered(fleet, null);
			}
			write(Path.of(out), fleet);
			return new Rendered(null, null);
		}
		JournalVerification.Verified journal = verify == null ? new JournalVerification.Verified(intact(log), null)
				: JournalVerification.verify(intact(log), Path.of(verify), stderr());
		byte[] bytes;
		if (compare != null && !compare.isBlank()) {
			if (dev.runbookshell.fleet.FleetIndexFile.isIndex(Path.of(compare))) {
				throw CliException.usage("--compare " + compare + " is a fleet index: compare it with another fleet "
						+ "index (report INDEX --compare INDEX2), or give one of its hosts' journals");
			}
			if (!formatName.equals("md") && !formatName.equals("json")) {
				throw CliException.usage("--compare writes md or json, not '" + formatName + "'");
			}
			RunComparison comparison = RunComparison.of(Run.of(journal.journal()), load(compare));
			bytes = utf8(formatName.equals("json") ? new ComparisonReport().json(comparison)
					: new ComparisonReport().markdown(comparison));
		}
		else if (formatName.equals(RunbookRecordReport.FORMAT)) {
			bytes = RunbookRecordReport.render(journal.journal(), runbook);
		}
		else {
			ReportFormat chosen = ReportFormat.fromCli(formatName)
				.orElseThrow(() -> CliException.usage("unknown format '" + formatName + "' (" + FORMATS + ")"));
			bytes = utf8(chosen.renderer().render(Run.of(journal.journal())));
		}
		if (out == null || out.isBlank()) {
			return new Rendered(bytes, journal.shortfall());
		}
		write(Path.of(out), bytes);
		return new Rendered(null, journal.shortfall());
	}

	private static Run load(String log) {
		return Run.of(intact(log));
	}

	private static PrintWriter stderr() {
		return new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static Journal intact(String log) {
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
			// a first line that is no event is another kind of file given by mistake (bad input, as for resume);
			// a break further on is a journal that was tampered with or damaged
			String broken = journal.verification().describe(file);
			throw journal.verification().line() == 1 ? CliException.usage(broken) : CliException.failed(broken);
		}
		if (journal.entries().isEmpty()) {
			// rendered, it would be a verified report of nothing, dated 1970
			throw CliException.usage(log + " holds no event: it is not a journal, there is nothing to report");
		}
		return journal;
	}

	private static void write(Path out, byte[] bytes) {
		try {
			Path parent = out.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.write(out, bytes);
		}
		catch (IOException ex) {
			throw CliException.usage(out + ": cannot write report (" + ex.getMessage() + ")");
		}
	}

}
