package dev.runbookshell.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.runbookshell.journal.JournalException;
import dev.runbookshell.runbook.RunbookParseException;
import dev.runbookshell.session.SessionRefusedException;
import dev.runbookshell.targets.TargetException;

/**
 * Maps what a command threw to the message and exit code the operator sees. Known failures keep their own
 * one-line message; anything unexpected is logged with its stack trace and reported in one line.
 */
@Component
public class FailureTranslator {

	private static final Logger log = LoggerFactory.getLogger(FailureTranslator.class);

	public CliException translate(Throwable failure) {
		if (failure instanceof CliException cli) {
			return cli;
		}
		if (failure instanceof RunbookParseException parse) {
			return CliException.usage(parse.getMessage());
		}
		if (failure instanceof SessionRefusedException refused) {
			return CliException.usage(refused.getMessage());
		}
		if (failure instanceof TargetException target) {
			return CliException.target(target.getMessage(), target);
		}
		if (failure instanceof JournalException journal) {
			// its message names the file and, for a bad line, the line: a journal that cannot be read or trusted
			// is bad input like any other file
			return CliException.usage(journal.getMessage());
		}
		if (failure instanceof IllegalArgumentException) {
			return CliException.usage(String.valueOf(failure.getMessage()));
		}
		log.error("unexpected failure", failure);
		return new CliException(ExitCode.FAILED, "unexpected " + failure.getClass().getSimpleName() + ": "
				+ failure.getMessage() + " (details in " + dev.runbookshell.config.DebugLogging.location() + ")", failure);
	}

}
