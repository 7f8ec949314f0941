package dev.runbookshell.shell;

import java.util.List;
import java.util.stream.Collectors;

import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Asks one question at a time on the terminal. Answers, values and edits are read as text, on a line reader of
 * their own: not the shell's, whose parser asks for more after an unclosed quote ({@code quote>}), drops
 * backslashes and expands {@code !} from history. Nothing read here goes into the shell's history; secrets are
 * read without echo. Ctrl-C or Ctrl-D while a question waits yields null.
 */
final class TerminalQuestions {

	private final LineReader reader;

	TerminalQuestions(LineReader shellReader) {
		this(shellReader.getTerminal());
	}

	TerminalQuestions(Terminal terminal) {
		this.reader = textReader(terminal);
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
		String line = read(prompt, null, null);
		return line == null ? null : line.trim();
	}

	/** A line read without echo, exactly as typed, or null. */
	String askSecret(String prompt) {
		return read(prompt, (char) 0, null);
	}

	/**
	 * The operator's edit of {@code text}, prefilled: Enter ends the edit, Alt-Enter (or Esc, Enter) starts a new
	 * line, Tab is a tab. Exactly the buffer, or null when abandoned.
	 */
	String edit(String prompt, String text) {
		return read(prompt, null, text);
	}

	/**
	 * Asks until the answer is one of {@code answers}: an empty answer means {@code onEmpty} unless it is null,
	 * anything else is told what is accepted and asked again.
	 * @return the answer's meaning, or null for Ctrl-C/Ctrl-D
	 */
	<T> T choose(String prompt, List<Answer<T>> answers, T onEmpty) {
		Reply<T> reply = reply(prompt, answers, onEmpty, false);
		return reply == null ? null : reply.meaning();
	}

	/**
	 * A yes/no question ({@code [y/N]}): {@code 'y'} for y or yes, {@code 'n'} for n or no, {@code onEmpty} for an
	 * empty answer, 0 for Ctrl-C/Ctrl-D; anything else is asked again.
	 */
	char choose(String prompt, char onEmpty) {
		Boolean empty = onEmpty == 'y' ? Boolean.TRUE : onEmpty == 'n' ? Boolean.FALSE : null;
		Boolean yes = choose(prompt, Answer.YES_NO, empty);
		return yes == null ? 0 : yes ? 'y' : 'n';
	}

	/** As {@link #choose}, with free text allowed after the answer ({@code y all green}); null for Ctrl-C/D. */
	<T> Reply<T> chooseWithNote(String prompt, List<Answer<T>> answers) {
		return reply(prompt, answers, null, true);
	}

	/**
	 * An answer and the text typed after it.
	 * @param meaning the answer's meaning
	 * @param note what followed the answer's word, or null
	 */
	record Reply<T>(T meaning, String note) {
	}

	private <T> Reply<T> reply(String prompt, List<Answer<T>> answers, T onEmpty, boolean withNote) {
		while (true) {
			String line = ask(prompt);
			if (line == null) {
				return null;
			}
			if (line.isEmpty() && onEmpty != null) {
				return new Reply<>(onEmpty, null);
			}
			String[] parts = withNote ? line.split("\\s+", 2) : new String[] { line };
			for (Answer<T> answer : answers) {
				if (!line.isEmpty() && answer.matches(parts[0])) {
					return new Reply<>(answer.meaning(), parts.length > 1 ? parts[1] : null);
				}
			}
			println("  " + (line.isEmpty() ? "" : "'" + line + "' is not an answer here. ") + "Type "
					+ answers.stream().map(Answer::describe).collect(Collectors.joining("; "))
					+ (withNote ? " (a note may follow the answer)" : "") + ".");
		}
	}

	private String read(String prompt, Character mask, String buffer) {
		try {
			return this.reader.readLine(prompt, mask, buffer);
		}
		catch (UserInterruptException | EndOfFileException ex) {
			return null;
		}
	}

	/**
	 * A line reader for text: the parser never finds it incomplete and knows no escapes, history expansion is
	 * off, there is no history, and Tab inserts itself instead of completing.
	 */
	private static LineReader textReader(Terminal terminal) {
		LineReader reader = LineReaderBuilder.builder()
			.terminal(terminal)
			.appName("runbook")
			.parser(new TextParser())
			.variable(LineReader.DISABLE_HISTORY, Boolean.TRUE)
			.variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P > ")
			.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
			.build();
		Reference selfInsert = new Reference(LineReader.SELF_INSERT);
		for (String keyMap : List.of(LineReader.EMACS, LineReader.VIINS)) {
			KeyMap<Binding> map = reader.getKeyMaps().get(keyMap);
			if (map != null) {
				map.bind(selfInsert, "\t");
			}
		}
		return reader;
	}

	/** The whole buffer is one word of text: never incomplete (no {@code quote>}), no escape characters. */
	private static final class TextParser implements Parser {

		@Override
		public ParsedLine parse(String line, int cursor, ParseContext context) {
			return new TextLine(line, cursor);
		}

		@Override
		public boolean isEscapeChar(char ch) {
			return false;
		}

	}

	/** The buffer as one word; nothing is completed in it, so nothing needs escaping. */
	private record TextLine(String line, int cursor) implements CompletingParsedLine {

		@Override
		public String word() {
			return this.line;
		}

		@Override
		public int wordCursor() {
			return this.cursor;
		}

		@Override
		public int wordIndex() {
			return 0;
		}

		@Override
		public List<String> words() {
			return List.of(this.line);
		}

		@Override
		public CharSequence escape(CharSequence candidate, boolean complete) {
			return candidate;
		}

		@Override
		public int rawWordCursor() {
			return this.cursor;
		}

		@Override
		public int rawWordLength() {
			return this.line.length();
		}

	}

}
