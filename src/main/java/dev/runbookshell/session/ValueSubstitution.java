package dev.runbookshell.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts values where their tokens ({@code <name>}, {@code YYYYMMDD}) stand in a block, quoted for the place they
 * stand in, so that each value is one piece of data to whichever shell reads it, and the text that runs is the
 * text the operator is shown. A value that is one plain word ({@code db1.internal}) goes in as it is. Otherwise:
 * <ul>
 * <li>unquoted: in single quotes; inside single quotes: its own {@code '} escaped; inside double quotes, a
 * {@code ${...}} or an unquoted here-document: {@code \ $ `} (and {@code "}, {@code }} where they would end it)
 * escaped; inside a quoted here-document: as it is (it is not expanded there); in a comment: as it is, on one
 * line;</li>
 * <li>inside text that another shell parses again (the argument of {@code sh -c}/{@code bash -c}/{@code su -c},
 * {@code eval}, {@code ssh HOST}, {@code watch}, or a here-document fed to a shell or to {@code ssh}), the value is
 * quoted for that inner shell first, then for the outer text;</li>
 * <li>in arithmetic ({@code $((...))}) only an integer is taken.</li>
 * </ul>
 * A value with a line equal to the delimiter of the here-document it would stand in is refused: it would end it.
 */
final class ValueSubstitution {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

	private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

	private static final Pattern SHELL_C_FLAG = Pattern.compile("-[A-Za-z]*c[A-Za-z]*");

	private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ash", "mksh", "su",
			"runuser");

	private static final Set<String> STDIN_SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ash", "mksh", "ssh");

	private static final Set<String> PREFIXES = Set.of("sudo", "env", "exec", "command", "nohup", "time", "nice",
			"doas");

	/** ssh options that take an argument: the host is the first word that is neither one nor its argument. */
	private static final String SSH_OPTIONS_WITH_ARGUMENT = "BbcDEeFIiJLlmOoPpQRSWw";

	private ValueSubstitution() {
	}

	/**
	 * {@code text} with every token of {@code values} replaced.
	 * @param values token ({@code <db-host>}) to value
	 * @throws IllegalArgumentException naming the token when a value cannot stand where its token is
	 */
	static String substitute(String text, Map<String, String> values) {
		if (values.isEmpty()) {
			return text;
		}
		List<String> tokens = new ArrayList<>(values.keySet());
		tokens.sort(Comparator.comparingInt(String::length).reversed());
		Scanner scanner = new Scanner(text, tokens, values);
		scanner.run(text.length());
		return scanner.out.toString();
	}

	/**
	 * Offsets of the lines of {@code text} that start a command at the block's top level: not inside quotes, a
	 * here-document, a command substitution or a continued line.
	 */
	static List<Integer> topLevelLineStarts(String text) {
		Scanner scanner = new Scanner(text, List.of(), Map.of());
		List<Integer> starts = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			boolean lineStart = i == 0 || text.charAt(i - 1) == '\n';
			if (lineStart && scanner.frames.size() == 1 && !scanner.top().inWord && scanner.pending.isEmpty()) {
				starts.add(i);
			}
			scanner.position = i;
			i = scanner.step(i);
		}
		return starts;
	}

	/** {@code value} as one shell word: as it is when plain, else single-quoted. */
	static String asWord(String value) {
		return Scanner.word(value);
	}

	/** The value as it must be written at the end of {@code code} (shell text) to be one piece of data. */
	private static String quotedAtEnd(String code, String value, String token) {
		Scanner scanner = new Scanner(code, List.of(), Map.of());
		scanner.run(code.length());
		return scanner.quote(value, token);
	}

	private enum Kind {

		/** Shell code: the block itself, {@code $(...)} and backquotes. */
		CODE, SUBSHELL, BACKQUOTE, SINGLE, DOUBLE, ANSI, PARAMETER, ARITHMETIC, COMMENT, HEREDOC;

		boolean isCode() {
			return this == CODE || this == SUBSHELL || this == BACKQUOTE;
		}

	}

	/** One level of quoting; {@code start} is where its text begins (for text another shell parses again). */
	private static final class Frame {

		final Kind kind;

		final int start;

		final boolean reparsed;

		final String delimiter;

		final boolean quotedHeredoc;

		final boolean stripTabs;

		int depth;

		/** For code frames: the words of the current simple command so far (raw text, quotes left out). */
		final List<String> words = new ArrayList<>();

		final StringBuilder word = new StringBuilder();

		boolean inWord;

		/** For code frames: whether the word being read is text another shell parses again. */
		boolean wordReparsed;

		Frame(Kind kind, int start, boolean reparsed) {
			this(kind, start, reparsed, null, false, false);
		}

		Frame(Kind kind, int start, boolean reparsed, String delimiter, boolean quotedHeredoc, boolean stripTabs) {
			this.kind = kind;
			this.start = start;
			this.reparsed = reparsed;
			this.delimiter = delimiter;
			this.quotedHeredoc = quotedHeredoc;
			this.stripTabs = stripTabs;
		}

	}

	/** A here-document announced on the current line; its body starts after the line ends. */
	private record PendingHeredoc(String delimiter, boolean quoted, boolean stripTabs, boolean reparsed) {
	}

	/** A single pass with the quoting state of a POSIX shell (simplified), writing the text with values in. */
	private static final class Scanner {

		private final String text;

		private final List<String> tokens;

		private final Map<String, String> values;

		final StringBuilder out = new StringBuilder();

		private final Deque<Frame> frames = new ArrayDeque<>();

		private final List<PendingHeredoc> pending = new ArrayList<>();

		/** Where in the text the scan is (the output grows by replacements, the text does not). */
		private int position;

		Scanner(String text, List<String> tokens, Map<String, String> values) {
			this.text = text;
			this.tokens = tokens;
			this.values = values;
			this.frames.push(new Frame(Kind.CODE, 0, false));
		}

		void run(int end) {
			int i = 0;
			while (i < end) {
				this.position = i;
				String token = tokenAt(i);
				if (token != null) {
					startWord();
					String replacement = quote(this.values.get(token), token);
					this.out.append(replacement);
					if (top().kind.isCode()) {
						top().word.append(replacement);
					}
					i += token.length();
					continue;
				}
				i = step(i);
			}
			this.position = end;
		}

		private String tokenAt(int i) {
			for (String token : this.tokens) {
				if (this.text.startsWith(token, i)) {
					return token;
				}
			}
			return null;
		}

		private Frame top() {
			return this.frames.peek();
		}

		/** Handles the character at {@code i}; returns the index of the next one. */
		private int step(int i) {
			char c = this.text.charAt(i);
			Frame frame = top();
			switch (frame.kind) {
				case SINGLE -> {
					if (c == '\'') {
						this.frames.pop();
					}
					return copy(i, 1);
				}
				case ANSI -> {
					if (c == '\\') {
						return copy(i, 2);
					}
					if (c == '\'') {
						this.frames.pop();
					}
					return copy(i, 1);
				}
				case COMMENT -> {
					if (c == '\n') {
						this.frames.pop();
						return step(i);
					}
					return copy(i, 1);
				}
				case HEREDOC -> {
					return heredocLine(i, frame);
				}
				case DOUBLE -> {
					if (c == '\\') {
						return copy(i, 2);
					}
					if (c == '"') {
						this.frames.pop();
						return copy(i, 1);
					}
					return dollarOrBackquote(i, c);
				}
				case PARAMETER -> {
					if (c == '\\') {
						return copy(i, 2);
					}
					if (c == '}') {
						this.frames.pop();
						return copy(i, 1);
					}
					if (c == '\'' || c == '"') {
						return openQuote(i, c);
					}
					return dollarOrBackquote(i, c);
				}
				case ARITHMETIC -> {
					if (this.text.startsWith("))", i) && frame.depth == 0) {
						this.frames.pop();
						return copy(i, 2);
					}
					if (c == '(') {
						frame.depth++;
					}
					else if (c == ')') {
						frame.depth--;
					}
					return dollarOrBackquote(i, c);
				}
				default -> {
					return code(i, c, frame);
				}
			}
		}

		private int code(int i, char c, Frame frame) {
			if (c == '\\') {
				startWord();
				if (i + 1 < this.text.length() && this.text.charAt(i + 1) == '\n') {
					return copy(i, 2); // a line continuation: the word goes on
				}
				frame.word.append(this.text, i, Math.min(i + 2, this.text.length()));
				return copy(i, 2);
			}
			if (c == '\'' || c == '"') {
				return openQuote(i, c);
			}
			if (c == '#' && !frame.inWord) {
				this.frames.push(new Frame(Kind.COMMENT, i, false));
				return copy(i, 1);
			}
			if (c == ')' && frame.kind == Kind.SUBSHELL && frame.depth == 0) {
				this.frames.pop();
				return copy(i, 1);
			}
			if (c == '`' && frame.kind == Kind.BACKQUOTE) {
				this.frames.pop();
				return copy(i, 1);
			}
			if (c == '$' || c == '`') {
				startWord();
				return dollarOrBackquote(i, c);
			}
			if (c == '(') {
				frame.depth++;
			}
			else if (c == ')') {
				frame.depth--;
			}
			if (c == '<' && this.text.startsWith("<<", i) && !this.text.startsWith("<<<", i)) {
				endWord();
				return heredocOperator(i);
			}
			if (c == '\n') {
				endCommand();
				copy(i, 1);
				startHeredocs(i + 1);
				return i + 1;
			}
			if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
				endCommand();
				return copy(i, 1);
			}
			if (c == ' ' || c == '\t' || c == '<' || c == '>') {
				endWord();
				return copy(i, 1);
			}
			startWord();
			frame.word.append(c);
			return copy(i, 1);
		}

		private int openQuote(int i, char c) {
			startWord();
			Frame frame = top();
			boolean ansi = c == '\'' && i > 0 && this.text.charAt(i - 1) == '$' && frame.kind.isCode();
			Kind kind = ansi ? Kind.ANSI : c == '\'' ? Kind.SINGLE : Kind.DOUBLE;
			this.frames.push(new Frame(kind, i + 1, frame.kind.isCode() && frame.wordReparsed));
			return copy(i, 1);
		}

		private int dollarOrBackquote(int i, char c) {
			if (c == '`') {
				this.frames.push(new Frame(Kind.BACKQUOTE, i + 1, false));
				return copy(i, 1);
			}
			if (this.text.startsWith("$((", i)) {
				this.frames.push(new Frame(Kind.ARITHMETIC, i + 3, false));
				return copy(i, 3);
			}
			if (this.text.startsWith("$(", i)) {
				this.frames.push(new Frame(Kind.SUBSHELL, i + 2, false));
				return copy(i, 2);
			}
			if (this.text.startsWith("${", i)) {
				this.frames.push(new Frame(Kind.PARAMETER, i + 2, false));
				return copy(i, 2);
			}
			if (top().kind.isCode()) {
				top().word.append(c);
			}
			return copy(i, 1);
		}

		private int heredocOperator(int i) {
			int j = i + 2;
			boolean stripTabs = j < this.text.length() && this.text.charAt(j) == '-';
			if (stripTabs) {
				j++;
			}
			while (j < this.text.length() && (this.text.charAt(j) == ' ' || this.text.charAt(j) == '\t')) {
				j++;
			}
			int start = j;
			StringBuilder delimiter = new StringBuilder();
			boolean quoted = false;
			while (j < this.text.length() && " \t\n;&|<>()".indexOf(this.text.charAt(j)) < 0) {
				char d = this.text.charAt(j);
				if (d == '\'' || d == '"') {
					quoted = true;
					int close = this.text.indexOf(d, j + 1);
					close = close < 0 ? this.text.length() : close;
					delimiter.append(this.text, j + 1, close);
					j = Math.min(close + 1, this.text.length());
					continue;
				}
				if (d == '\\') {
					quoted = true;
					j++;
					if (j < this.text.length()) {
						delimiter.append(this.text.charAt(j));
					}
					j++;
					continue;
				}
				delimiter.append(d);
				j++;
			}
			if (start < j) {
				this.pending.add(new PendingHeredoc(delimiter.toString(), quoted, stripTabs, feedsAShell()));
			}
			return copy(i, j - i);
		}

		private void startHeredocs(int from) {
			// the bodies follow one another; the last announced is read last, so push it first
			for (int k = this.pending.size() - 1; k >= 0; k--) {
				PendingHeredoc heredoc = this.pending.get(k);
				this.frames.push(new Frame(Kind.HEREDOC, from, heredoc.reparsed(), heredoc.delimiter(),
						heredoc.quoted(), heredoc.stripTabs()));
			}
			this.pending.clear();
		}

		/** At the start of a body line: the delimiter line ends the here-document; else the line is body. */
		private int heredocLine(int i, Frame frame) {
			boolean lineStart = i == 0 || this.text.charAt(i - 1) == '\n';
			if (lineStart) {
				int end = this.text.indexOf('\n', i);
				end = end < 0 ? this.text.length() : end;
				String line = this.text.substring(i, end);
				if ((frame.stripTabs ? line.replaceFirst("^\t+", "") : line).equals(frame.delimiter)) {
					this.frames.pop();
					return copy(i, end - i + 1);
				}
			}
			char c = this.text.charAt(i);
			if (!frame.quotedHeredoc && c == '\\') {
				return copy(i, 2);
			}
			if (!frame.quotedHeredoc && (c == '$' || c == '`')) {
				return dollarOrBackquote(i, c);
			}
			return copy(i, 1);
		}

		private int copy(int i, int length) {
			int end = Math.min(i + length, this.text.length());
			this.out.append(this.text, i, end);
			return end;
		}

		private void startWord() {
			Frame frame = top();
			if (frame.kind.isCode() && !frame.inWord) {
				frame.inWord = true;
				frame.wordReparsed = reparsedWord(frame);
			}
		}

		private void endWord() {
			Frame frame = top();
			if (frame.kind.isCode() && frame.inWord) {
				frame.words.add(frame.word.toString());
				frame.word.setLength(0);
				frame.inWord = false;
				frame.wordReparsed = false;
			}
		}

		private void endCommand() {
			endWord();
			top().words.clear();
		}

		/** Whether the word starting now is text another shell parses again, judged by the words before it. */
		private static boolean reparsedWord(Frame frame) {
			List<String> words = frame.words;
			int command = commandIndex(words);
			if (command < 0) {
				return false;
			}
			String name = baseName(words.get(command));
			if (name.equals("eval") || name.equals("watch")) {
				return true;
			}
			int last = words.size() - 1;
			if (last > command && SHELL_C_FLAG.matcher(words.get(last)).matches()) {
				for (int k = command; k < last; k++) {
					if (SHELLS.contains(baseName(words.get(k)))) {
						return true;
					}
				}
			}
			for (int k = command; k < words.size(); k++) {
				if (baseName(words.get(k)).equals("ssh")) {
					return sshHostSeen(words, k);
				}
			}
			return false;
		}

		private static boolean sshHostSeen(List<String> words, int ssh) {
			for (int k = ssh + 1; k < words.size(); k++) {
				String w = words.get(k);
				if (w.startsWith("-") && w.length() > 1) {
					if (w.length() == 2 && SSH_OPTIONS_WITH_ARGUMENT.indexOf(w.charAt(1)) >= 0) {
						k++;
					}
					continue;
				}
				return true; // the host; every word after it is the remote command
			}
			return false;
		}

		/** A here-document read by a shell ({@code bash <<EOF}, {@code ssh host <<EOF}) is code again. */
		private boolean feedsAShell() {
			List<String> words = top().words;
			int command = commandIndex(words);
			return command >= 0 && STDIN_SHELLS.contains(baseName(words.get(command)))
					&& words.stream().skip(command + 1).noneMatch(w -> SHELL_C_FLAG.matcher(w).matches());
		}

		/** The command word after assignments and prefixes such as sudo, env, exec, nohup, time. */
		private static int commandIndex(List<String> words) {
			for (int k = 0; k < words.size(); k++) {
				String w = words.get(k);
				if (w.matches("[A-Za-z_][A-Za-z0-9_]*=.*") || w.startsWith("-") || PREFIXES.contains(baseName(w))) {
					continue;
				}
				return k;
			}
			return -1;
		}

		private static String baseName(String word) {
			String unquoted = word.replace("'", "").replace("\"", "");
			return unquoted.substring(unquoted.lastIndexOf('/') + 1);
		}

		/** {@code value} written for the place the scan has reached. */
		String quote(String value, String token) {
			Frame frame = top();
			return switch (frame.kind) {
				case COMMENT -> value.replace('\n', ' ');
				case ANSI -> value.replace("\\", "\\\\").replace("'", "\\'");
				case SINGLE -> escapeSingle(frame.reparsed ? inner(frame, value, token) : value);
				case DOUBLE -> escapeDouble(frame.reparsed ? inner(frame, value, token) : value, "\"");
				case PARAMETER -> escapeDouble(value, "\"}");
				case ARITHMETIC -> {
					if (!INTEGER.matcher(value).matches()) {
						throw new IllegalArgumentException(token + " stands in arithmetic ($((...))), where only an "
								+ "integer can be data; '" + value + "' is not one");
					}
					yield value;
				}
				case HEREDOC -> heredoc(frame, value, token);
				default -> frame.wordReparsed ? reparsedWordValue(value) : word(value);
			};
		}

		private String heredoc(Frame frame, String value, String token) {
			for (String line : value.split("\n", -1)) {
				if (value.contains("\n") && (frame.stripTabs ? line.replaceFirst("^\t+", "") : line)
					.equals(frame.delimiter)) {
					throw new IllegalArgumentException(token + " stands in a here-document ending at '"
							+ frame.delimiter + "', and its value has that line: it would end the here-document");
				}
			}
			String data = frame.reparsed ? inner(frame, value, token) : value;
			return frame.quotedHeredoc ? data : data.replace("\\", "\\\\").replace("$", "\\$").replace("`", "\\`");
		}

		/** The value quoted for the shell that parses this frame's text again, at the place reached in it. */
		private String inner(Frame frame, String value, String token) {
			String code = this.text.substring(frame.start, Math.min(this.text.length(), this.position));
			if (frame.kind == Kind.DOUBLE || (frame.kind == Kind.HEREDOC && !frame.quotedHeredoc)) {
				code = code.replaceAll("\\\\([\\\\$`\"])", "$1");
			}
			return quotedAtEnd(code, value, token);
		}

		private static String reparsedWordValue(String value) {
			String inner = word(value);
			return PLAIN.matcher(inner).matches() ? inner : "\"" + escapeDouble(inner, "\"") + "\"";
		}

		private static String word(String value) {
			return PLAIN.matcher(value).matches() ? value : "'" + escapeSingle(value) + "'";
		}

		private static String escapeSingle(String value) {
			return value.replace("'", "'\\''");
		}

		private static String escapeDouble(String value, String alsoEscaped) {
			StringBuilder escaped = new StringBuilder(value.length() + 8);
			for (char c : value.toCharArray()) {
				if (c == '\\' || c == '$' || c == '`' || alsoEscaped.indexOf(c) >= 0) {
					escaped.append('\\');
				}
				escaped.append(c);
			}
			return escaped.toString();
		}

	}

}
