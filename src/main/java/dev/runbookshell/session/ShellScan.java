package dev.runbookshell.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One pass over a block's text with the quoting state of a POSIX shell (simplified): quotes, {@code $'...'},
 * {@code ${...}}, {@code $(...)}, backquotes, arithmetic, comments and here-documents, and the words of each simple
 * command ({@link CommandWords}). Copies the text to {@link #out}, with each token replaced by what its
 * {@link Quoting} makes of its value where it stands. Not thread-safe.
 */
final class ShellScan {


	final String text;

	private final List<String> tokens;

	private final Map<String, String> values;

	final StringBuilder out = new StringBuilder();

	final Deque<ShellFrame> frames = new ArrayDeque<>();

	final List<HereDocument> pending = new ArrayList<>();

	/** Where in the text the scan is (the output grows by replacements, the text does not). */
	int position;

	/** How a value is written at the place a scan has reached. */
	@FunctionalInterface
	interface Quoting {

		String at(ShellScan scan, String value, String token);

	}

	private final Quoting quoting;

	ShellScan(String text, List<String> tokens, Map<String, String> values, Quoting quoting) {
		this.text = text;
		this.tokens = tokens;
		this.values = values;
		this.quoting = quoting;
		this.frames.push(new ShellFrame(ShellFrame.Kind.CODE, 0, false));
	}

	void run(int end) {
		int i = 0;
		while (i < end) {
			this.position = i;
			String token = tokenAt(i);
			if (token != null) {
				startWord();
				String replacement = this.quoting.at(this, this.values.get(token), token);
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

	ShellFrame top() {
		return this.frames.peek();
	}

	/** Handles the character at {@code i}; returns the index of the next one. */
	int step(int i) {
		char c = this.text.charAt(i);
		ShellFrame frame = top();
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

	private int code(int i, char c, ShellFrame frame) {
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
			this.frames.push(new ShellFrame(ShellFrame.Kind.COMMENT, i, false));
			return copy(i, 1);
		}
		if (c == ')' && frame.kind == ShellFrame.Kind.SUBSHELL && frame.depth == 0) {
			this.frames.pop();
			return copy(i, 1);
		}
		if (c == '`' && frame.kind == ShellFrame.Kind.BACKQUOTE) {
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
		ShellFrame frame = top();
		boolean ansi = c == '\'' && i > 0 && this.text.charAt(i - 1) == '$' && frame.kind.isCode();
		ShellFrame.Kind kind = ansi ? ShellFrame.Kind.ANSI : c == '\'' ? ShellFrame.Kind.SINGLE : ShellFrame.Kind.DOUBLE;
		this.frames.push(new ShellFrame(kind, i + 1, frame.kind.isCode() && frame.wordReparsed));
		return copy(i, 1);
	}

	private int dollarOrBackquote(int i, char c) {
		if (c == '`') {
			this.frames.push(new ShellFrame(ShellFrame.Kind.BACKQUOTE, i + 1, false));
			return copy(i, 1);
		}
		if (this.text.startsWith("$((", i)) {
			this.frames.push(new ShellFrame(ShellFrame.Kind.ARITHMETIC, i + 3, false));
			return copy(i, 3);
		}
		if (this.text.startsWith("$(", i)) {
			this.frames.push(new ShellFrame(ShellFrame.Kind.SUBSHELL, i + 2, false));
			return copy(i, 2);
		}
		if (this.text.startsWith("${", i)) {
			this.frames.push(new ShellFrame(ShellFrame.Kind.PARAMETER, i + 2, false));
			return copy(i, 2);
		}
		if (top().kind.isCode()) {
			top().word.append(c);
		}
		return copy(i, 1);
	}

	private int heredocOperator(int i) {
		HereDocument heredoc = HereDocument.at(this.text, i, CommandWords.feedsAShell(top().words));
		if (heredoc.announced()) {
			this.pending.add(heredoc);
		}
		return copy(i, heredoc.end() - i);
	}

	private void startHeredocs(int from) {
		// the bodies follow one another; the last announced is read last, so push it first
		for (int k = this.pending.size() - 1; k >= 0; k--) {
			HereDocument heredoc = this.pending.get(k);
			this.frames.push(new ShellFrame(ShellFrame.Kind.HEREDOC, from, heredoc.reparsed(), heredoc.delimiter(),
					heredoc.quoted(), heredoc.stripTabs()));
		}
		this.pending.clear();
	}

	/** At the start of a body line: the delimiter line ends the here-document; else the line is body. */
	private int heredocLine(int i, ShellFrame frame) {
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
		ShellFrame frame = top();
		if (frame.kind.isCode() && !frame.inWord) {
			frame.inWord = true;
			frame.wordReparsed = CommandWords.reparsedWord(frame.words);
		}
	}

	private void endWord() {
		ShellFrame frame = top();
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

}
