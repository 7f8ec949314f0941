package dev.runbookshell.shell;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.runbookshell.journal.shipping.ShippedJournals;
import dev.runbookshell.journal.shipping.ShippingException;

/**
 * {@code journal rebuild SHIPPED [--out DIR]}: the journals a syslog server received from {@code run --ship},
 * rebuilt from its file alone, each with its hash chain checked (and its latest shipped signature beside it, for
 * {@code report --verify}). Exit 1 when a rebuilt journal is broken, has a gap, or got two contents for one line.
 */
@Component
public class JournalCommands {

	@Command(name = "journal", group = "Reports", description = "Rebuild journals from a shipped copy: journal rebuild FILE",
			help = """
					journal rebuild FILE [--out DIR]: reads what a syslog server wrote for run --ship syslog://...
					(any line format; other programs' lines are skipped), and writes each journal in it to DIR
					(default ./rebuilt), with its latest shipped signature as JOURNAL.sig. A --ship file:///dir
					copy is a journal already: give it to report as it is.""")
	public void journal(@Argument(index = 0, description = "rebuild") String action,
			@Argument(index = 1, description = "the syslog server's file") String file,
			@Option(longName = "out", description = "where the rebuilt journals go (default ./rebuilt)") String out,
			CommandContext context) {
		if (!"rebuild".equals(action) || file == null || file.isBlank()) {
			throw CliException.usage("usage: runbook journal rebuild FILE [--out DIR]");
		}
		Path shipped = Path.of(file);
		if (!Files.isRegularFile(shipped)) {
			throw CliException.usage(file + ": no such file");
		}
		List<ShippedJournals.Rebuilt> rebuilt;
		try {
			rebuilt = ShippedJournals.rebuild(shipped, Path.of(out == null || out.isBlank() ? "rebuilt" : out));
		}
		catch (ShippingException ex) {
			throw CliException.usage(ex.getMessage());
		}
		PrintWriter writer = context.outputWriter();
		String problem = null;
		for (ShippedJournals.Rebuilt journal : rebuilt) {
			String chain = journal.journal().verification().describe(journal.file());
			writer.println("rebuilt " + journal.file() + ": " + journal.journal().entries().size() + " lines; "
					+ chain.substring(chain.indexOf(": ") + 2)
					+ (journal.signature() == null ? "" : "; signature " + journal.signature()));
			String issue = problem(journal, chain);
			problem = problem == null ? issue : problem;
		}
		writer.flush();
		if (problem != null) {
			throw CliException.failed(problem);
		}
	}

	/** Why a rebuilt journal is not a whole, untouched copy, or null. */
	private static String problem(ShippedJournals.Rebuilt journal, String chain) {
		if (journal.journal().verification().isBroken()) {
			return chain;
		}
		if (journal.missingFrom() > 0) {
			return journal.file() + ": lines from seq " + journal.missingFrom()
					+ " on were not received (later ones were): the copy stops there";
		}
		if (journal.conflicts() > 0) {
			return journal.file() + ": " + journal.conflicts()
					+ " lines arrived twice with different contents (the first of each was kept)";
		}
		return null;
	}

}
