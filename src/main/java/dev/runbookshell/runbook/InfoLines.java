package dev.runbookshell.runbook;

import org.commonmark.node.FencedCodeBlock;

/** A fence's info string as the file has it, read from the source line its span points at. */
final class InfoLines {

	/** The parsed text. */
	private final String source;

	/** Made when an info string first needs it. */
	private LineStarts lines;

	InfoLines(String source) {
		this.source = source;
	}

	/**
	 * The info string as written: CommonMark drops backslashes before punctuation, which would turn
	 * {@code expect=/a \(b\)/} into a different regex. Falls back to the parsed one when unsure.
	 */
	String raw(FencedCodeBlock fenced) {
		String info = fenced.getInfo() == null ? "" : fenced.getInfo();
		if (!info.contains("=") && !info.contains("{")) {
			return info;
		}
		var span = fenced.getSourceSpans().isEmpty() ? null : fenced.getSourceSpans().get(0);
		if (this.lines == null) {
			this.lines = new LineStarts(this.source);
		}
		String line = span == null ? null : this.lines.line(span.getLineIndex());
		if (line == null) {
			return info;
		}
		String rest = line.substring(Math.min(span.getColumnIndex(), line.length())).strip();
		int i = 0;
		while (i < rest.length() && rest.charAt(i) == fenced.getFenceCharacter().charAt(0)) {
			i++;
		}
		String raw = rest.substring(i).strip();
		return raw.replace("\\", "").equals(info.replace("\\", "")) ? raw : info;
	}

}
