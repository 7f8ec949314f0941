package dev.runbookshell.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalCodec;
import dev.runbookshell.journal.JournalEvent.SessionStarted;
import dev.runbookshell.report.RunbookRecord;
import dev.runbookshell.runbook.ParseResult;
import dev.runbookshell.runbook.RunbookParseException;
import dev.runbookshell.runbook.RunbookParser;

/**
 * {@code report LOG --format runbook [--runbook FILE]}: finds the runbook that ran (the path in the journal, as
 * given then, from here or from the journal folder's parent), refuses one whose sha256 is not the journal's, and
 * renders {@link RunbookRecord}. The record keeps the runbook's bytes, so it is printed as bytes.
 */
final class RunbookRecordReport {

	static final String FORMAT = "runbook";

	private RunbookRecordReport() {
	}

	static byte[] render(Journal journal, String runbookFile) {
		SessionStarted started = Optional.ofNullable(journal.fold().started())
			.orElseThrow(() -> CliException.usage(journal.path() + ": no session-started, so no runbook to show"));
		Path file = runbookFile != null ? Path.of(runbookFile) : locate(journal.path(), started.runbook().path());
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw CliException.usage(file + ": cannot read the runbook (" + ex.getMessage()
					+ "); give it with --runbook FILE");
		}
		String recorded = started.runbook().sha256() == null ? ""
				: started.runbook().sha256().replaceFirst("^sha256:", "");
		String actual = JournalCodec.sha256(bytes);
		if (!actual.equalsIgnoreCase(recorded)) {
			throw CliException.usage(file + ": not the runbook that ran (sha256 " + actual + ", the journal says "
					+ recorded + "); give the version that ran with --runbook FILE");
		}
		ParseResult parsed;
		try {
			parsed = new RunbookParser().read(file);
		}
		catch (RunbookParseException ex) {
			throw CliException.usage(ex.getMessage());
		}
		return new RunbookRecord().render(journal, parsed, bytes);
	}

	/** Valid UTF-8 goes through the writer; anything else straight to stdout, so no byte is replaced. */
	static void print(PrintWriter writer, byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
			writer.print(text);
			writer.flush();
		}
		catch (CharacterCodingException ex) {
			writer.flush();
			System.out.write(bytes, 0, bytes.length);
			System.out.flush();
		}
	}

	private static Path locate(Path journal, String recorded) {
		Path given = Path.of(recorded);
		if (Files.isRegularFile(given) || given.isAbsolute()) {
			return given;
		}
		Path folder = journal.toAbsolutePath().getParent();
		Path besideLogs = folder == null || folder.getParent() == null ? given : folder.getParent().resolve(recorded);
		return Files.isRegularFile(besideLogs) ? besideLogs : given;
	}

}
