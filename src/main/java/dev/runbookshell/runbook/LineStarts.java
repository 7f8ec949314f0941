package dev.runbookshell.runbook;

import java.util.Arrays;

/** The offsets where a text's lines start: an offset becomes a line, and a line its text, in O(log n). */
final class LineStarts {

	private final String text;

	private final int[] starts;

	LineStarts(String text) {
		this.text = text;
		int count = 1;
		for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
			count++;
		}
		this.starts = new int[count];
		int k = 1;
		for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
			this.starts[k++] = i + 1;
		}
	}

	/** The 0-based line that {@code offset} is on. */
	int lineOf(int offset) {
		int found = Arrays.binarySearch(this.starts, offset);
		return found >= 0 ? found : -found - 2;
	}

	/** Line {@code index} (0-based) without its line end, or null past the text's end. */
	String line(int index) {
		if (index < 0 || index >= this.starts.length) {
			return null;
		}
		int end = this.text.indexOf('\n', this.starts[index]);
		return this.text.substring(this.starts[index], end < 0 ? this.text.length() : end);
	}

}
