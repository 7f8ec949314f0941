package dev.runbookshell.ansible;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's INI inventory format: {@code [group]} host lines ({@code name key=value ...}, {@code name:port}),
 * {@code [group:vars]} variable lines, {@code [group:children]} group names; hosts before any section are
 * ungrouped; {@code #} and {@code ;} start comments; values may be quoted as shell words are.
 */
final class IniInventory {

	private static final Pattern SECTION = Pattern.compile("^\\[([^\\]:]+)(?::(vars|children))?\\]\\s*$");

	private static final Pattern RANGE = Pattern.compile("\\[([0-9a-zA-Z]+):([0-9a-zA-Z]+)(?::(\\d+))?\\]");

	private final AnsibleInventory inventory;

	private final Path file;

	IniInventory(AnsibleInventory inventory, Path file) {
		this.inventory = inventory;
		this.file = file;
	}

	void read(String text) {
		String group = "ungrouped";
		String kind = "hosts";
		String[] lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			int lineNo = i + 1;
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
				continue;
			}
			Matcher section = SECTION.matcher(line);
			if (section.matches()) {
				group = section.group(1).strip();
				kind = section.group(2) == null ? "hosts" : section.group(2);
				this.inventory.group(group);
				continue;
			}
			List<String> words = words(line, lineNo);
			if (words.isEmpty()) {
				continue;
			}
			switch (kind) {
				case "vars" -> {
					String[] pair = pair(words.get(0), lineNo);
					this.inventory.group(group).vars.put(pair[0], pair[1]);
				}
				case "children" -> {
					this.inventory.group(group).children.add(words.get(0));
					this.inventory.group(words.get(0));
				}
				default -> host(group, words, lineNo);
			}
		}
	}

	private void host(String group, List<String> words, int lineNo) {
		Map<String, String> vars = new LinkedHashMap<>();
		for (String word : words.subList(1, words.size())) {
			String[] pair = pair(word, lineNo);
			vars.put(pair[0], pair[1]);
		}
		String name = words.get(0);
		Matcher port = Pattern.compile("^([^\\[\\]:]+|\\[[^\\]]*\\][^:]*):(\\d+)$").matcher(name);
		if (port.matches() && !RANGE.matcher(name).find()) {
			name = port.group(1);
			vars.putIfAbsent("ansible_port", port.group(2));
		}
		for (String host : expand(this.file, lineNo, name)) {
			this.inventory.host(group, host, vars);
		}
	}

	private String[] pair(String word, int lineNo) {
		int eq = word.indexOf('=');
		if (eq <= 0) {
			throw new AnsibleException(this.file + ":" + lineNo + ": expected key=value, not '" + word + "'");
		}
		return new String[] { word.substring(0, eq), word.substring(eq + 1) };
	}

	/** {@code web[01:03].x} is web01.x, web02.x, web03.x; {@code [a:c]} letters; {@code [0:10:5]} a step. */
	static List<String> expand(Path file, int lineNo, String pattern) {
		Matcher range = RANGE.matcher(pattern);
		if (!range.find()) {
			return List.of(pattern);
		}
		String from = range.group(1);
		String to = range.group(2);
		int step = range.group(3) == null ? 1 : Integer.parseInt(range.group(3));
		String before = pattern.substring(0, range.start());
		String after = pattern.substring(range.end());
		List<String> names = new ArrayList<>();
		List<String> values = new ArrayList<>();
		if (from.chars().allMatch(Character::isDigit) && to.chars().allMatch(Character::isDigit)) {
			for (int n = Integer.parseInt(from); n <= Integer.parseInt(to) && step > 0; n += step) {
				String value = Integer.toString(n);
				values.add(from.length() > 1 && from.startsWith("0") ? "0".repeat(Math.max(0, from.length() - value.length())) + value : value);
			}
		}
		else if (from.length() == 1 && to.length() == 1) {
			for (char c = from.charAt(0); c <= to.charAt(0) && step > 0; c += step) {
				values.add(String.valueOf(c));
			}
		}
		else {
			throw new AnsibleException(file + ":" + lineNo + ": host range '" + range.group() + "' is neither numbers nor letters");
		}
		for (String value : values) {
			names.addAll(expand(file, lineNo, before + value + after));
		}
		return names;
	}

	/** Shell-like words: quotes group, a backslash escapes, an unquoted {@code #} starts a comment. */
	private List<String> words(String line, int lineNo) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean inWord = false;
		char quote = 0;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
					word.append(line.charAt(++i));
				}
				else {
					word.append(c);
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
				inWord = true;
			}
			else if (c == '#' && !inWord) {
				break;
			}
			else if (Character.isWhitespace(c)) {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			}
			else {
				if (c == '\\' && i + 1 < line.length()) {
					c = line.charAt(++i);
				}
				word.append(c);
				inWord = true;
			}
		}
		if (quote != 0) {
			throw new AnsibleException(this.file + ":" + lineNo + ": unclosed " + quote + " quote");
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

}
