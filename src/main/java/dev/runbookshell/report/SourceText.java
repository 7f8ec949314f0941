package dev.runbookshell.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A Markdown file's exact bytes, cut into lines the way the runbook parser counts them (a line ends at LF, CRLF or
 * a lone CR), with text inserted between lines or at a line's end and a checkbox ticked in place. Whatever is
 * not inserted comes out byte for byte: invalid UTF-8, a BOM, mixed line ends and a missing last newline
 * included. Bytes are carried as ISO-8859-1 characters, one char per byte.
 */
final class SourceText {

	private final List<String> content = new ArrayList<>();

	private final List<String> endings = new ArrayList<>();

	private final String eol;

	/** A byte-order mark stays first, before anything inserted at the top. */
	private final String bom;

	private final TreeMap<Integer, StringBuilder> before = new TreeMap<>();

	private final TreeMap<Integer, StringBuilder> atEnd = new TreeMap<>();

	SourceText(byte[] bytes) {
		String all = new String(bytes, StandardCharsets.ISO_8859_1);
		this.bom = all.startsWith("\u00EF\u00BB\u00BF") ? all.substring(0, 3) : "";
		String text = all.substring(this.bom.length());
		int start = 0;
		String firstEnding = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				String ending = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n"
						: String.valueOf(c);
				this.content.add(text.substring(start, i));
				this.endings.add(ending);
				firstEnding = firstEnding == null ? ending : firstEnding;
				i += ending.length() - 1;
				start = i + 1;
			}
		}
		if (start < text.length()) {
			this.content.add(text.substring(start));
			this.endings.add("");
		}
		this.eol = "\r\n".equals(firstEnding) ? "\r\n" : "\n";
	}

	/** The file's line end: CRLF when its first line ends so, else LF. */
	String eol() {
		return this.eol;
	}

	int lineCount() {
		return this.content.size();
	}

	/** Line {@code line} (1-based) as bytes in ISO-8859-1 characters, without its ending. */
	String line(int line) {
		return this.content.get(line - 1);
	}

	/** Whole lines (each given its own ending here) to stand before line {@code line}; past the last, at the end. */
	void insertBefore(int line, List<String> lines) {
		StringBuilder text = this.before.computeIfAbsent(line, l -> new StringBuilder());
		for (String inserted : lines) {
			text.append(latin1(inserted));
			text.append(this.eol);
		}
	}

	/** Text appended to line {@code line}, before its line end. */
	void appendToLine(int line, String text) {
		this.atEnd.computeIfAbsent(line, l -> new StringBuilder()).append(latin1(text));
	}

	/** Replaces line {@code line}'s text (its ending stays). */
	void replaceLine(int line, String latin1Text) {
		this.content.set(line - 1, latin1Text);
	}

	byte[] bytes() {
		StringBuilder out = new StringBuilder(this.bom);
		for (int i = 0; i < this.content.size(); i++) {
			appendInsert(out, i + 1);
			out.append(this.content.get(i));
			StringBuilder end = this.atEnd.get(i + 1);
			if (end != null) {
				out.append(end);
			}
			out.append(this.endings.get(i));
		}
		StringBuilder tail = new StringBuilder();
		this.before.tailMap(this.content.size() + 1).values().forEach(tail::append);
		if (!tail.isEmpty()) {
			if (!this.content.isEmpty() && this.endings.get(this.endings.size() - 1).isEmpty()) {
				// the file has no last newline: the inserted part starts with one and, to keep it so, ends without
				out.append(this.eol).append(tail, 0, tail.length() - this.eol.length());
			}
			else {
				out.append(tail);
			}
		}
		return out.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private void appendInsert(StringBuilder out, int line) {
		StringBuilder text = this.before.get(line);
		if (text != null) {
			out.append(text);
		}
	}

	/** UTF-8 text as the ISO-8859-1 characters of its bytes. */
	static String latin1(String utf8) {
		return new String(utf8.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

}
