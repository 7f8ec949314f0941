package dev.runbookshell.shell;

import java.util.Locale;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Asks one question at a time on the JLine line reader: answers and secrets never go into the shell's history,
 * secrets are read without echo. Ctrl-C or Ctrl-D while a question waits yields null.
 */
final class TerminalQuestions {

	private final LineReader reader;

	TerminalQuestions(LineReader reader) {
		this.reader = reader;
	}

	Terminal terminal() {
		return this.reader.getTerminal();
	}

	void println(String text) {
		terminal().writer().println(text);
		terminal().flush();
	}

	/** A line as typed (trimmed), or null when the operator pressed Ctrl-C or Ctrl-D. */
	String ask(String prompt) {
		return read(prompt, null, null);
	}

	/** A line read without echo, or null. */
	String askSecret(String prompt) {
		return read(prompt, (char) 0, null);
	}

	/** The operator's edit of {@code text}, prefilled in the line editor; null when abandoned. */
	String edit(String prompt, String text) {
		return read(prompt, null, text);
	}

	/** The first letter of the answer, lower case; {@code fallback} for an empty answer; 0 for Ctrl-C/Ctrl-D. */
	char choose(String prompt, char fallback) {
		String answer = ask(prompt);
		if (answer == null) {
			return 0;
		}
		return answer.isBlank() ? fallback : answer.trim().toLowerCase(Locale.ROOT).charAt(0);
	}

	private String read(String prompt, Character mask, String buffer) {
		Object history = this.reader.getVariable(LineReader.DISABLE_HISTORY);
		this.reader.setVariable(LineReader.DISABLE_HISTORY, Boolean.TRUE);
		try {
			String line = this.reader.readLine(prompt, mask, buffer);
			return mask == null && buffer == null ? line.trim() : line;
		}
		catch (UserInterruptException | EndOfFileException ex) {
			return null;
		}
		finally {
			this.reader.setVariable(LineReader.DISABLE_HISTORY, history);
		}
	}

}
