package dev.runbookshell.runbook.lint;

import java.util.Locale;

/**
 * One thing lint found in a runbook, pointing at a file line, with a one-line fix.
 *
 * @param severity how much it matters: an ERROR makes {@code runbook lint} exit 1
 * @param file the runbook file as given
 * @param line 1-based line in the file
 * @param rule a stable rule id ({@code never-ends}, {@code destructive-without-backup}, ...)
 * @param message what is wrong, naming the block and the offending text
 * @param fix one line saying what to do about it
 */
public record LintFinding(Severity severity, String file, int line, String rule, String message, String fix) {

	/** {@code demo.md:12: warning: message (fix: ...)}. */
	public String format() {
		return this.file + ":" + this.line + ": " + this.severity.label() + ": " + this.message + " (fix: " + this.fix
				+ ")";
	}

	/** How much a finding matters. */
	public enum Severity {

		/** The runbook will not run as written. */
		ERROR,
		/** It runs, but probably not the way the author meant. */
		WARNING,
		/** Worth knowing before a session: what will be asked for. */
		INFO;

		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
