package dev.runbookshell.report;

import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Output as a terminal would have left it on screen, for reports: colour and cursor escape sequences removed,
 * a line rewritten with carriage returns (progress bars) reduced to its final state, other control characters
 * dropped. Tabs and newlines stay.
 */
final class TerminalText {

	// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and two-character escapes
	private static final Pattern ESCAPES = Pattern
		.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?|\u001B[@-Z\\\\-_]");

	private static final Pattern CONTROL = Pattern.compile("[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]");

	private TerminalText() {
	}

	static String plain(String output) {
		if (output == null) {
			return "";
		}
		String text = ESCAPES.matcher(output).replaceAll("");
		text = text.replace("\r\n", "\n");
		if (text.indexOf('\r') >= 0) {
			StringJoiner lines = new StringJoiner("\n");
			for (String line : text.split("\n", -1)) {
				lines.add(overwritten(line));
			}
			text = lines.toString();
		}
		return CONTROL.matcher(text).replaceAll("");
	}

	/** What is left of a line after each carriage return let the next part overwrite it from column 0. */
	private static String overwritten(String line) {
		String result = "";
		for (String part : line.split("\r", -1)) {
			result = part.length() >= result.length() ? part : part + result.substring(part.length());
		}
		return result;
	}

}
