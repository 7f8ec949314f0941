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
			"(?:^|\\s)#++\\s*+(?:should\\s++(?:show|print|output|return)\\s*+:?|expected(?:\\s++output)?\\s*+:|expect\\s*+:)\\s*+(.+)$",
			Pattern.CASE_INSENSITIVE);

	private BlockText() {
	}

	/**
	 * The text that runs: the content, or for {@code console} the lines after a {@code $ } prompt without the
	 * prompt, a trailing backslash carrying the command onto the next line. A console block with no prompt line
	 * at all runs every line (real install guides write whole sequences that way).
	 */
	static String command(String language, String content) {
		if (!language.equals("console") || !hasPrompt(content)) {
			return content;
		}
		List<String> commands = new ArrayList<>();
		for (String[] line : promptLines(content)) {
			commands.add(line[0]);
		}
		return commands.isEmpty() ? "" : String.join("\n", commands) + "\n";
	}

	/** Whether a line of {@code content} starts with a {@code $ } prompt. */
	static boolean hasPrompt(String content) {
		for (int start = 0; start < content.length();) {
			int end = content.indexOf('\n', start);
			end = end < 0 ? content.length() : end;
			int i = start;
			while (i < end && Character.isWhitespace(content.charAt(i))) {
				i++;
			}
			if (content.startsWith("$ ", i)) {
				return true;
			}
			start = end + 1;
		}
		return false;
	}

	/** The 0-based content line of each line of {@link #command}; null when they are the same lines. */
	static int[] contentLines(String language, String content) {
		if (!language.equals("console") || !hasPrompt(content)) {
			return null;
		}
		List<String[]> lines = promptLines(content);
		int[] map = new int[lines.size()];
		for (int i = 0; i < map.length; i++) {
			map[i] = Integer.parseInt(lines.get(i)[1]);
		}
		return map;
	}

	/** Each command line of a console block with its 0-based content line. */
	private static List<String[]> promptLines(String content) {
		List<String[]> commands = new ArrayList<>();
		boolean continued = false;
		String[] lines = content.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (continued) {
				commands.add(new String[] { line, Integer.toString(i) });
				continued = line.endsWith("\\");
				continue;
			}
			Matcher prompt = PROMPT.matcher(line);
			if (line.indexOf('$') >= 0 && prompt.matches()) {
				commands.add(new String[] { prompt.group(1), Integer.toString(i) });
				continued = prompt.group(1).endsWith("\\");
			}
		}
		return commands;
	}

	/** The {@code expect=} annotation (at the fence line), then every should-show comment in the content. */
	static List<Expectation> expectations(Annotations annotations, String content, int fenceLine) {
		List<Expectation> expectations = new ArrayList<>();
		annotations.expect().ifPresent(text -> expectations.add(expectation(text, fenceLine)));
		int i = 0;
		int hash = -1;
		for (int start = 0; start <= content.length(); i++) {
			int end = content.indexOf('\n', start);
			end = end < 0 ? content.length() : end;
			hash = hash < start ? content.indexOf('#', start) : hash;
			if (hash < 0) {
				break; // no comment left, so no should-show line
			}
			if (hash < end && mayShowWhat(content, hash, end)) {
				Matcher m = SHOULD_SHOW.matcher(content).region(start, end);
				if (m.find()) {
					expectations.add(expectation(unquote(m.group(1).strip()), fenceLine + 1 + i));
				}
			}
			start = end + 1;
		}
		return expectations;
	}

	/** "should" or "expect" after the '#': most comments say neither, and the regex is the slow part. */
	private static boolean mayShowWhat(String content, int from, int to) {
		for (int i = from; i + 6 <= to; i++) {
			if (content.regionMatches(true, i, "should", 0, 6) || content.regionMatches(true, i, "expect", 0, 6)) {
				return true;
			}
		}
		return false;
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
