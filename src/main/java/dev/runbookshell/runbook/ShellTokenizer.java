package dev.runbookshell.runbook;

import java.util.ArrayList;
import java.util.List;

import dev.runbookshell.runbook.SimpleCommands.Command;
import dev.runbookshell.runbook.SimpleCommands.Redirect;
import dev.runbookshell.runbook.SimpleCommands.Word;

/**
 * The one pass of {@link SimpleCommands}: the quoting state of a POSIX shell, simplified (quotes, escapes,
 * {@code $(...)}, {@code ${...}}, backquotes, comments, control operators, redirections, here-documents).
 */
final class ShellTokenizer {

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

	ShellTokenizer(String text) {
		this.text = text;
		this.n = text.length();
	}

	List<Command> commands() {
		return this.commands;
	}

	List<String> heredocs() {
		return this.heredocs;
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
			// "> 2>x": the digits were a redirection of their own, which word() took; this one has no target
			target = this.words.size() > before ? this.words.remove(before) : new Word("", false, this.i, this.i);
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
