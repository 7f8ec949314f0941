package dev.runbookshell.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Edits a block's text and gives back exactly what the operator left, every byte they did not change included
 * (backslashes, tabs, quotes, trailing spaces): in {@code $VISUAL} or {@code $EDITOR} when one is set, where a
 * file holds the text, else in the terminal's line editor, which takes the buffer as text. What the tools change on
 * their own is put back: the final newline (the line editor does not show it, an editor may append one) and the
 * CRLF line endings an editor may save a file with.
 */
final class BlockEditor {

	private static final String PROMPT = "edit> ";

	private final TerminalQuestions questions;

	private final String editor;

	BlockEditor(TerminalQuestions questions, Map<String, String> environment) {
		this.questions = questions;
		this.editor = chosenEditor(environment);
	}

	/** {@code $VISUAL}, else {@code $EDITOR}, else null (the line editor). */
	static String chosenEditor(Map<String, String> environment) {
		for (String name : new String[] { "VISUAL", "EDITOR" }) {
			String value = environment.get(name);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	/** The edited text, or null when the edit was abandoned (Ctrl-C, nothing left, the editor failed). */
	String edit(String text) {
		String edited = this.editor != null ? editInFile(text) : editInLine(text);
		if (edited == null) {
			return null;
		}
		if (edited.isBlank()) {
			this.questions.println("    (nothing left to run: the edit is abandoned)");
			return null;
		}
		return edited;
	}

	private String editInLine(String text) {
		this.questions.println("    Enter ends the edit · Alt-Enter (or Esc, Enter) starts a new line · "
				+ "Ctrl-C abandons it");
		// Without the final newline: it would open an empty last line in the editor.
		boolean finalNewline = text.endsWith("\n");
		String edited = this.questions.edit(PROMPT, finalNewline ? text.substring(0, text.length() - 1) : text);
		return edited == null ? null : finalNewline ? edited + "\n" : edited;
	}

	private String editInFile(String text) {
		try {
			Path file = Files.createTempFile("runbook-edit-", ".sh"); // owner-only: an edit may hold a secret
			try {
				Files.writeString(file, text, StandardCharsets.UTF_8);
				int exit = runEditor(file);
				if (exit != 0) {
					this.questions.println("    (" + this.editor + " exited with " + exit + ": the edit is abandoned)");
					return null;
				}
				return undoEditorChanges(text, Files.readString(file, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			this.questions.println("    (cannot run " + this.editor + ": " + ex.getMessage() + "; the edit is abandoned)");
			return null;
		}
	}

	/** Runs the editor on the terminal, as git does: the variable is a shell command line, the file its argument. */
	private int runEditor(Path file) throws IOException {
		this.questions.terminal().pause();
		try {
			Process process = new ProcessBuilder("sh", "-c", this.editor + " \"$@\"", "editor", file.toString())
				.inheritIO()
				.start();
			try {
				if (!process.waitFor(12, TimeUnit.HOURS)) {
					process.destroyForcibly();
					return -1;
				}
				return process.exitValue();
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
				return -1;
			}
		}
		finally {
			this.questions.terminal().resume();
		}
	}

	/**
	 * Without the final newline an editor appends to a text that had none, and with LF line endings when the
	 * editor saved every line with CRLF (block text never holds a CR: the runbook reader makes line ends LF).
	 */
	static String undoEditorChanges(String original, String edited) {
		String text = edited;
		if (!original.contains("\r") && text.contains("\r\n") && text.replace("\r\n", "").indexOf('\n') < 0) {
			text = text.replace("\r\n", "\n");
		}
		if (!original.endsWith("\n") && text.endsWith("\n")) {
			text = text.substring(0, text.length() - 1);
		}
		return text;
	}

}
