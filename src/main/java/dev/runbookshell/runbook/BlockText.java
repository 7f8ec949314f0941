package dev.runbookshell.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a block runs and what its output should show, read from its content and annotations. */
final class BlockText {

	private static final Pattern PROMPT = Pattern.compile("^\\s*\\$ (.*)$");

	/** {@code # Should show: X}, {@code # should show X}, {@code # Expected: X}, {@code # Expect: X}. */
	private static final Pattern SHOULD_SHOW = Pattern.compile(
			"(?:^|\\s)#+\\s*(?:should\\s+(?:show|print|output|return)\\s*:?|expected(?:\\s+output)?\\s*:|expect\\s*:)\\s*(.+?)\\s*$",
			Pattern.CASE_INSENSITIVE);

	private BlockText() {
	}

	/**
	 * The text that runs: the content, or for {@code console} the lines after a {@code $ } prompt without the
	 * prompt, a trailing backslash carrying the command onto the next line.
	 */
	static String command(String language, String content) {
		if (!language.equals("console")) {
			return content;
		}
		List<String> commands = new ArrayList<>();
		boolean continued = false;
		for (String line : content.split("\n", -1)) {
			if (continued) {
				commands.add(line);
				continued = line.endsWith("\\");
				continue;
			}
			Matcher prompt = PROMPT.matcher(line);
			if (prompt.matches()) {
				commands.add(prompt.group(1));
				continued = prompt.group(1).endsWith("\\");
			}
		}
		return commands.isEmpty() ? "" : String.join("\n", commands) + "\n";
	}

	/** The {@code expect=} annotation (at the fence line), then every should-show comment in the content. */
	static List<Expectation> expectations(Annotations annotations, String content, int fenceLine) {
		List<Expectation> expectations = new ArrayList<>();
		annotations.expect().ifPresent(text -> expectations.add(expectation(text, fenceLine)));
		String[] lines = content.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			Matcher m = SHOULD_SHOW.matcher(lines[i]);
			if (m.find()) {
				expectations.add(expectation(unquote(m.group(1)), fenceLine + 1 + i));
			}
		}
		return expectations;
	}

	private static Expectation expectation(String text, int line) {
		if (text.length() > 2 && text.startsWith("/") && text.endsWith("/")) {
			return new Expectation(text.substring(1, text.length() - 1), true, line);
		}
		return new Expectation(text, false, line);
	}

	private static String unquote(String text) {
		for (String quote : List.of("`", "\"", "'")) {
			if (text.length() > 1 && text.startsWith(quote) && text.endsWith(quote)) {
				return text.substring(1, text.length() - 1);
			}
		}
		return text;
	}

}
