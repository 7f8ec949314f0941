package dev.runbookshell.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A shell text cut into simple commands and their words, the way bash would cut it for the rules that read
 * commands (the destructive list, lint): comments dropped, quotes removed from words (offsets kept), control
 * operators ({@code ; & | && || ( )} and newlines) ending a command, redirections kept apart with their
 * targets, here-document bodies skipped. One pass, linear in the text; not a full shell grammar (no
 * keywords, no expansions), which the rules do not need.
 *
 * @param commands the simple commands in text order
 * @param heredocs the bodies of here-documents, in text order
 */
public record SimpleCommands(List<Command> commands, List<String> heredocs) {

	public SimpleCommands {
		commands = List.copyOf(commands);
		heredocs = List.copyOf(heredocs);
	}

	/** Cuts {@code text} into simple commands. */
	public static SimpleCommands of(String text) {
		Tokenizer tokenizer = new Tokenizer(text);
		tokenizer.run();
		return new SimpleCommands(tokenizer.commands, tokenizer.heredocs);
	}

	/**
	 * A word of a command.
	 *
	 * @param text the word with quotes and backslashes removed
	 * @param quoted whether any part of it was quoted or escaped
	 * @param start offset of its first character in the text
	 * @param end offset after its last character
	 */
	public record Word(String text, boolean quoted, int start, int end) {
	}

	/**
	 * A redirection: {@code > file}, {@code >> file}, {@code 2>&1}, {@code < file}, {@code <<EOF}.
	 *
	 * @param operator the operator without a leading descriptor number ({@code >}, {@code >>}, {@code &>})
	 * @param target the word after it (for {@code <<} the delimiter)
	 */
	public record Redirect(String operator, Word target) {
	}

	/**
	 * One simple command: words and redirections up to a control operator.
	 *
	 * @param words the words in order, assignments and wrappers ({@code sudo}) included
	 * @param redirects its redirections in order
	 * @param line 0-based line of the text where its first word stands
	 * @param start offset of its first word or redirection
	 * @param end offset after its last word or redirection
	 * @param piped whether its standard input is the previous command's output ({@code a | b})
	 */
	public record Command(List<Word> words, List<Redirect> redirects, int line, int start, int end, boolean piped) {

		public Command {
			words = List.copyOf(words);
			redirects = List.copyOf(redirects);
		}

		/**
		 * The program and its arguments: the words after leading assignments ({@code X=1}), reserved words
		 * ({@code then}, {@code do}, {@code !}, ...) and the wrappers that run another command ({@code sudo -u app}, {@code env}, {@code nohup}, {@code time},
		 * {@code exec}, {@code command}, {@code nice}, {@code timeout 5m}, {@code xargs -n1}, {@code doas}).
		 * Empty for a command of assignments only.
		 */
		public List<Word> argv() {
			int i = 0;
			while (i < this.words.size()) {
				if (isAssignment(this.words.get(i)) || RESERVED.contains(this.words.get(i).text())
						&& !this.words.get(i).quoted()) {
					i++;
					continue;
				}
				int skip = Wrappers.skip(this.words, i);
				if (skip == i) {
					break;
				}
				i = skip;
			}
			return this.words.subList(Math.min(i, this.words.size()), this.words.size());
		}

		/** The program's name without a directory ({@code /usr/bin/rm} is {@code rm}); "" when none. */
		public String program() {
			List<Word> argv = argv();
			return argv.isEmpty() ? "" : baseName(argv.get(0).text());
		}

		/** The command as written, from its first word to its last. */
		public String text(String source) {
			return source.substring(this.start, this.end);
		}

		private static boolean isAssignment(Word word) {
			String text = word.text();
			int eq = text.indexOf('=');
			if (eq <= 0) {
				return false;
			}
			for (int i = 0; i < eq; i++) {
				char c = text.charAt(i);
				if (!(Character.isLetterOrDigit(c) || c == '_') || i == 0 && Character.isDigit(c)) {
					return false;
				}
			}
			return true;
		}

	}

	/** Words that start a command but are not its program. */
	private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "do", "while", "until", "!", "{",
			"}", "fi", "done", "esac");

	/** {@code /usr/bin/rm} is {@code rm}. */
	public static String baseName(String program) {
		int slash = program.lastIndexOf('/');
		return slash >= 0 ? program.substring(slash + 1) : program;
	}

	/** Commands that run the command given in their arguments, and how many option words each takes. */
	private static final class Wrappers {

		private Wrappers() {
		}

		/** The index after the wrapper at {@code i} and its options; {@code i} when that word is no wrapper. */
		static int skip(List<Word> words, int i) {
			String name = baseName(words.get(i).text()).toLowerCase(Locale.ROOT);
			String withArgument = switch (name) {
				case "sudo", "doas" -> "ugCDhprtUT";
				case "nice" -> "n";
				case "xargs" -> "IndPLsaE";
				case "env" -> "uSC";
				case "ionice" -> "cnp";
				case "stdbuf" -> "ioe";
				case "timeout" -> "sk";
				case "nohup", "time", "exec", "command", "builtin", "unbuffer" -> "";
				default -> null;
			};
			if (withArgument == null) {
				return i;
			}
			int j = i + 1;
			while (j < words.size() && words.get(j).text().startsWith("-") && words.get(j).text().length() > 1) {
				String option = words.get(j).text();
				j++;
				if (option.equals("--")) {
					break;
				}
				boolean takesNext = option.length() == 2 && withArgument.indexOf(option.charAt(1)) >= 0;
				if (takesNext) {
					j++;
				}
			}
			if (name.equals("env")) {
				while (j < words.size() && Command.isAssignment(words.get(j))) {
					j++;
				}
			}
			if (name.equals("timeout") && j < words.size()) {
				j++; // the duration
			}
			return j;
		}

	}

	/** One pass over the text with the quoting state of a POSIX shell, simplified. */
	private static final class Tokenizer {

		private final String text;

		private final int n;

		private final List<Command> commands = new ArrayList<>();

		private final List<String> heredocs = new ArrayList<>();

		/** Delimiters (and whether tabs are stripped) of here-documents whose bodies start on the next line. */
		private final List<String[]> pending = new ArrayList<>();

		private List<Word> words = new ArrayList<>();

		private List<Redirect> redirects = new ArrayList<>();

		private int commandStart = -1;

		private boolean piped;

		private boolean nextPiped;

		private int commandEnd;

		private int commandLine;

		private int line;

		private int i;

		Tokenizer(String text) {
			this.text = text;
			this.n = text.length();
		}

		void run() {
			while (this.i < this.n) {
				char c = this.text.charAt(this.i);
				if (c == '\n') {
					endCommand();
					this.i++;
					this.line++;
					skipHeredocBodies();
				}
				else if (c == ' ' || c == '\t' || c == '\r') {
					this.i++;
				}
				else if (c == '#') {
					while (this.i < this.n && this.text.charAt(this.i) != '\n') {
						this.i++;
					}
				}
				else if (c == ';' || c == '&' && !this.text.startsWith("&>", this.i) || c == '|' || c == '('
						|| c == ')') {
					endCommand();
					boolean or = this.text.startsWith("||", this.i);
					this.nextPiped = c == '|' && !or;
					this.i += or || this.text.startsWith("|&", this.i) ? 2 : 1;
				}
				else if ((c == '<' || c == '>') && this.i + 1 < this.n && this.text.charAt(this.i + 1) == '(') {
					word(); // process substitution <(cmd): one word
				}
				else if (c == '<' || c == '>' || c == '&') {
					redirect("");
				}
				else {
					word();
				}
			}
			endCommand();
		}

		private void word() {
			int start = this.i;
			StringBuilder out = new StringBuilder();
			boolean quoted = false;
			while (this.i < this.n) {
				char c = this.text.charAt(this.i);
				if (c == '\\') {
					if (this.i + 1 < this.n && this.text.charAt(this.i + 1) == '\n') {
						this.i += 2;
						this.line++;
						continue;
					}
					if (this.i + 1 < this.n) {
						out.append(this.text.charAt(this.i + 1));
					}
					quoted = true;
					this.i += 2;
				}
				else if (c == '\'') {
					int end = this.text.indexOf('\'', this.i + 1);
					end = end < 0 ? this.n : end;
					appendCounting(out, this.i + 1, end);
					quoted = true;
					this.i = Math.min(end + 1, this.n);
				}
				else if (c == '"') {
					quoted = true;
					doubleQuoted(out);
				}
				else if (c == '`') {
					int end = this.text.indexOf('`', this.i + 1);
					end = end < 0 ? this.n : end + 1;
					appendCounting(out, this.i, end);
					this.i = end;
				}
				else if (c == '$' && this.i + 1 < this.n && (this.text.charAt(this.i + 1) == '('
						|| this.text.charAt(this.i + 1) == '{')) {
					int end = closing(this.i + 1);
					appendCounting(out, this.i, end);
					this.i = end;
				}
				else if ((c == '<' || c == '>') && out.length() > 0 && isDigits(out) && !quoted) {
					// 2>&1, 2>/dev/null: the digits were a descriptor, not a word
					redirect(out.toString());
					return;
				}
				else if ((c == '<' || c == '>') && this.i + 1 < this.n && this.text.charAt(this.i + 1) == '(') {
					int end = closing(this.i + 1);
					appendCounting(out, this.i, end);
					this.i = end;
				}
				else if (" \t\r\n;&|()<>".indexOf(c) >= 0) {
					break;
				}
				else {
					out.append(c);
					this.i++;
				}
			}
			add(new Word(out.toString(), quoted, start, this.i));
		}

		private void doubleQuoted(StringBuilder out) {
			this.i++;
			while (this.i < this.n && this.text.charAt(this.i) != '"') {
				char c = this.text.charAt(this.i);
				if (c == '\\' && this.i + 1 < this.n && "\"\\$`\n".indexOf(this.text.charAt(this.i + 1)) >= 0) {
					if (this.text.charAt(this.i + 1) == '\n') {
						this.line++;
					}
					else {
						out.append(this.text.charAt(this.i + 1));
					}
					this.i += 2;
					continue;
				}
				if (c == '\n') {
					this.line++;
				}
				out.append(c);
				this.i++;
			}
			this.i = Math.min(this.i + 1, this.n);
		}

		/** The offset after the bracket that closes the one at {@code open}, quotes inside skipped. */
		private int closing(int open) {
			char opening = this.text.charAt(open);
			char closing = opening == '(' ? ')' : '}';
			int depth = 0;
			int j = open;
			while (j < this.n) {
				char c = this.text.charAt(j);
				if (c == '\\') {
					j += 2;
					continue;
				}
				if (c == '\'') {
					int end = this.text.indexOf('\'', j + 1);
					j = end < 0 ? this.n : end + 1;
					continue;
				}
				if (c == opening) {
					depth++;
				}
				else if (c == closing && --depth == 0) {
					return j + 1;
				}
				j++;
			}
			return this.n;
		}

		private void redirect(String descriptor) {
			int start = this.i - descriptor.length();
			int j = this.i;
			while (j < this.n && "<>&|-".indexOf(this.text.charAt(j)) >= 0 && j - this.i < 3) {
				j++;
			}
			String operator = this.text.substring(this.i, j);
			if (operator.equals("<<-") || operator.startsWith("<<") && !operator.startsWith("<<<")) {
				operator = operator.startsWith("<<-") ? "<<-" : "<<";
				j = this.i + operator.length();
			}
			else if (operator.endsWith("-") && !operator.endsWith("&-")) {
				operator = operator.substring(0, operator.length() - 1);
				j--;
			}
			this.i = j;
			while (this.i < this.n && (this.text.charAt(this.i) == ' ' || this.text.charAt(this.i) == '\t')) {
				this.i++;
			}
			Word target;
			if (this.i < this.n && " \t\r\n;&|()<>".indexOf(this.text.charAt(this.i)) < 0) {
				int before = this.words.size();
				word();
				target = this.words.remove(before);
			}
			else {
				target = new Word("", false, this.i, this.i);
			}
			if (operator.startsWith("<<") && !operator.equals("<<<")) {
				this.pending.add(new String[] { target.text(), operator.equals("<<-") ? "-" : "" });
			}
			mark(start);
			this.redirects.add(new Redirect(operator, target));
			this.commandEnd = Math.max(this.commandEnd, target.end());
		}

		private void add(Word word) {
			mark(word.start());
			this.words.add(word);
			this.commandEnd = word.end();
		}

		private void mark(int start) {
			if (this.commandStart < 0) {
				this.commandStart = start;
				this.commandLine = this.line;
				this.piped = this.nextPiped;
				this.nextPiped = false;
			}
		}

		private void endCommand() {
			if (this.commandStart >= 0) {
				this.commands.add(new Command(this.words, this.redirects, this.commandLine, this.commandStart,
						Math.max(this.commandEnd, this.commandStart), this.piped));
			}
			this.words = new ArrayList<>();
			this.redirects = new ArrayList<>();
			this.commandStart = -1;
			this.commandEnd = 0;
		}

		/** At the start of a line: skips the bodies of here-documents opened on the previous line. */
		private void skipHeredocBodies() {
			for (String[] heredoc : this.pending) {
				int bodyStart = this.i;
				int bodyEnd = this.n;
				while (this.i < this.n) {
					int end = this.text.indexOf('\n', this.i);
					end = end < 0 ? this.n : end;
					boolean last = isDelimiter(this.i, end, heredoc[0], !heredoc[1].isEmpty());
					if (last) {
						bodyEnd = this.i;
					}
					this.i = Math.min(end + 1, this.n);
					this.line++;
					if (last) {
						break;
					}
				}
				this.heredocs.add(this.text.substring(bodyStart, Math.min(bodyEnd, this.n)));
			}
			this.pending.clear();
		}

		private boolean isDelimiter(int from, int to, String delimiter, boolean tabsStripped) {
			int start = from;
			while (tabsStripped && start < to && this.text.charAt(start) == '\t') {
				start++;
			}
			int end = to;
			while (end > start && (this.text.charAt(end - 1) == '\r' || this.text.charAt(end - 1) == ' ')) {
				end--;
			}
			return end - start == delimiter.length() && this.text.startsWith(delimiter, start);
		}

		private void appendCounting(StringBuilder out, int from, int to) {
			for (int k = from; k < to; k++) {
				char c = this.text.charAt(k);
				if (c == '\n') {
					this.line++;
				}
				out.append(c);
			}
		}

		private static boolean isDigits(CharSequence text) {
			for (int k = 0; k < text.length(); k++) {
				if (!Character.isDigit(text.charAt(k))) {
					return false;
				}
			}
			return true;
		}

	}

}
