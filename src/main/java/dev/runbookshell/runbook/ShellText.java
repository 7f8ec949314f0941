package dev.runbookshell.runbook;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A shell command with the parts that the shell does not expand blanked out, offsets kept: comments always,
 * and in {@link #literalsBlanked} also single-quoted text and the bodies of quoted here-documents
 * ({@code <<'EOF'}). Placeholder and lint rules match against these views so that a {@code $VAR} inside
 * {@code awk '{print $1}'} or a comment never counts.
 *
 * @param text the command as written
 * @param commentsBlanked the command with comments replaced by spaces
 * @param literalsBlanked the command with comments, single-quoted text and quoted here-document bodies blanked
 */
public record ShellText(String text, String commentsBlanked, String literalsBlanked) {

	/** Scans {@code text} once. */
	public static ShellText of(String text) {
		char[] comments = text.toCharArray();
		char[] literals = text.toCharArray();
		new Scanner(text, comments, literals).run();
		return new ShellText(text, new String(comments), new String(literals));
	}

	/** A single pass over the text with the quoting state of a POSIX shell, simplified. */
	private static final class Scanner {

		private final String text;

		private final char[] comments;

		private final char[] literals;

		/** Here-document delimiters seen on the current line; their bodies start on the next line. */
		private final Deque<String[]> pendingHeredocs = new ArrayDeque<>();

		private Scanner(String text, char[] comments, char[] literals) {
			this.text = text;
			this.comments = comments;
			this.literals = literals;
		}

		void run() {
			int n = this.text.length();
			int i = 0;
			while (i < n) {
				char c = this.text.charAt(i);
				if (c == '\\') {
					blank(this.literals, i + 1, Math.min(i + 2, n));
					i += 2;
				}
				else if (c == '\'') {
					int end = this.text.indexOf('\'', i + 1);
					end = end < 0 ? n : end + 1;
					blank(this.literals, i, end);
					i = end;
				}
				else if (c == '"') {
					i = skipDoubleQuoted(i + 1);
				}
				else if (c == '#' && (i == 0 || " \t\n;&|(".indexOf(this.text.charAt(i - 1)) >= 0)) {
					int end = lineEnd(i);
					blank(this.comments, i, end);
					blank(this.literals, i, end);
					i = end;
				}
				else if (c == '<' && this.text.startsWith("<<", i) && !this.text.startsWith("<<<", i)) {
					i = readHeredocDelimiter(i + 2);
				}
				else if (c == '\n') {
					i = skipHeredocBodies(i + 1);
				}
				else {
					i++;
				}
			}
		}

		private int skipDoubleQuoted(int from) {
			int i = from;
			while (i < this.text.length() && this.text.charAt(i) != '"') {
				i += this.text.charAt(i) == '\\' ? 2 : 1;
			}
			return i + 1;
		}

		private int readHeredocDelimiter(int from) {
			int i = from;
			boolean stripTabs = i < this.text.length() && this.text.charAt(i) == '-';
			if (stripTabs) {
				i++;
			}
			while (i < this.text.length() && (this.text.charAt(i) == ' ' || this.text.charAt(i) == '\t')) {
				i++;
			}
			boolean quoted = false;
			StringBuilder word = new StringBuilder();
			while (i < this.text.length()) {
				char c = this.text.charAt(i);
				if (c == '\'' || c == '"' || c == '\\') {
					quoted = true;
				}
				else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
					word.append(c);
				}
				else {
					break;
				}
				i++;
			}
			if (word.length() > 0) {
				this.pendingHeredocs.add(new String[] { word.toString(), quoted ? "quoted" : "" });
			}
			return i;
		}

		/** At the start of a line: skips the bodies of here-documents opened on the previous line. */
		private int skipHeredocBodies(int lineStart) {
			int i = lineStart;
			while (!this.pendingHeredocs.isEmpty()) {
				String[] heredoc = this.pendingHeredocs.poll();
				while (i < this.text.length()) {
					int end = lineEnd(i);
					boolean last = this.text.substring(i, end).strip().equals(heredoc[0]);
					if (!last && !heredoc[1].isEmpty()) {
						blank(this.literals, i, end);
					}
					i = Math.min(end + 1, this.text.length());
					if (last) {
						break;
					}
				}
			}
			return i;
		}

		private int lineEnd(int from) {
			int end = this.text.indexOf('\n', from);
			return end < 0 ? this.text.length() : end;
		}

		private static void blank(char[] chars, int from, int to) {
			for (int i = from; i < to && i < chars.length; i++) {
				if (chars[i] != '\n') {
					chars[i] = ' ';
				}
			}
		}

	}

}
