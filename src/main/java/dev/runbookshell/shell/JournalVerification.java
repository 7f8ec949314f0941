package dev.runbookshell.shell;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.signing.AllowedSigners;
import dev.runbookshell.journal.signing.JournalSignatureCheck;
import dev.runbookshell.journal.signing.SignatureVerdict;
import dev.runbookshell.journal.signing.SigningException;

/**
 * {@code report LOG --verify ALLOWED_SIGNERS}: the journal's chain (checked by the caller) and every signature of
 * it, each named on stderr with its signer. A report is rendered only from signed lines: when the current signature
 * covers a prefix only (a crashed session, or a resume without signing), the report shows that prefix and the
 * command still ends with exit 1, saying which lines are unsigned.
 */
final class JournalVerification {

	/**
	 * The proven part of a journal.
	 * @param journal the journal, cut to its signed lines
	 * @param shortfall why not all of it is proven, or null when it is
	 */
	record Verified(Journal journal, String shortfall) {
	}

	private JournalVerification() {
	}

	/** @throws CliException (exit 1) when a signature is missing, bad, or by a key the allowed signers refuse */
	static Verified verify(Journal journal, Path allowedSigners, PrintWriter err) {
		AllowedSigners allowed;
		try {
			allowed = AllowedSigners.read(allowedSigners);
		}
		catch (SigningException ex) {
			throw CliException.usage(ex.getMessage());
		}
		List<SignatureVerdict> verdicts = new JournalSignatureCheck(allowed, Instant.now()).check(journal);
		String failure = null;
		for (int i = 0; i < verdicts.size(); i++) {
			SignatureVerdict verdict = verdicts.get(i);
			if (verdict.isGood()) {
				err.println(verdict.describe(i > 0));
			}
			else if (failure == null) {
				failure = verdict.describe(i > 0);
			}
			else {
				err.println("error: " + verdict.describe(i > 0));
			}
		}
		err.flush();
		if (failure != null) {
			throw CliException.failed(failure);
		}
		SignatureVerdict current = verdicts.get(0);
		if (current.state() == SignatureVerdict.State.WHOLE) {
			if (journal.last().filter(e -> e.event() instanceof JournalEvent.SessionFinished).isEmpty()) {
				err.println("note: " + journal.path().getFileName() + " ends without session-finished: signed at a "
						+ "checkpoint of a session that did not end (crashed, or cut after it)");
				err.flush();
			}
			return new Verified(journal, null);
		}
		Journal signed = new Journal(journal.path(), journal.entries().subList(0, current.lines()),
				journal.verification(), current.bytes());
		return new Verified(signed, journal.path() + ": only lines 1-" + current.lines() + " of "
				+ current.totalLines() + " are signed; the report shows those lines only");
	}

}
