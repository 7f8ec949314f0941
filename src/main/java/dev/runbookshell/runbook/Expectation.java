package dev.runbookshell.runbook;

import java.util.regex.Pattern;

/**
 * What a block's output should show: a substring, or a regular expression written {@code /regex/}.
 *
 * @param text the expectation as written (without the slashes for a regex)
 * @param regex true when written {@code /.../}
 * @param line 1-based line where it was written
 */
public record Expectation(String text, boolean regex, int line) {

	/** Whether {@code output} satisfies the expectation. */
	public boolean isMetBy(String output) {
		if (this.regex) {
			return Pattern.compile(this.text, Pattern.MULTILINE).matcher(output).find();
		}
		return output.contains(this.text);
	}

	/** The expectation as an operator wrote it. */
	public String display() {
		return this.regex ? "/" + this.text + "/" : this.text;
	}

}
