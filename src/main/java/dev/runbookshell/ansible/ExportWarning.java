package dev.runbookshell.ansible;

/**
 * Something the export could not carry over exactly, said once on the terminal and as a comment in the task.
 *
 * @param file the runbook
 * @param line 1-based line in it (1 for the runbook as a whole)
 * @param message what differs under Ansible and why
 */
public record ExportWarning(String file, int line, String message) {

	/** {@code runbooks/demo.md:12: warning: message}, like lint's findings. */
	public String format() {
		return this.file + ":" + this.line + ": warning: " + this.message;
	}

}
