package dev.runbookshell.runbook;

/**
 * A heading of the runbook. Numbers follow the heading tree ({@code 1}, {@code 1.2}, {@code 1.2.3}); when the
 * document's first heading is its only level-1 heading it is the title and is not a numbered section.
 *
 * @param number the section number, e.g. {@code 4.1}
 * @param title the heading text, mojibake repaired ({@code â†’} shown as {@code →}, see {@link TextRepair})
 * @param level the heading level, 1 to 6
 * @param line 1-based line of the heading in the file
 * @param rollback true when the heading (or an ancestor's) says this is a rollback section
 * @param parent the parent section's number, or null for a top-level section
 * @param rawTitle the heading text as the file has it
 */
public record Section(String number, String title, int level, int line, boolean rollback, String parent,
		String rawTitle) {

	/** A section whose heading needed no repair. */
	public Section(String number, String title, int level, int line, boolean rollback, String parent) {
		this(number, title, level, line, rollback, parent, title);
	}

}
