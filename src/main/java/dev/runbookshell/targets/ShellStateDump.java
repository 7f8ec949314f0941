package dev.runbookshell.targets;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the state a shell prints at a block's end ({@link BlockScript}): its working directory line, then after a
 * record separator and {@code E} what {@code export -p} prints (bash's {@code declare -x NAME="v"} or
 * {@code NAME=$'v'}, sh's {@code export NAME='v'}), then, where the shell has it, after {@code F} what
 * {@code declare -f} prints.
 */
final class ShellStateDump {

	private static final Pattern EXPORT = Pattern.compile("(?:declare -x|export) ([A-Za-z_][A-Za-z0-9_]*)");

	private static final Pattern FUNCTION = Pattern.compile("(?:function )?([^\\s()]+) \\(\\) ?");

	private ShellStateDump() {
	}

	static ShellState parse(byte[] section) {
		String text = new String(section, StandardCharsets.UTF_8);
		int exportsAt = text.indexOf("\u001eE\n");
		int functionsAt = text.indexOf("\u001eF\n");
		String cwd = (exportsAt < 0 ? text : text.substring(0, exportsAt)).strip();
		String exports = exportsAt < 0 ? "" : text.substring(exportsAt + 3, functionsAt < 0 ? text.length() : functionsAt);
		String functions = functionsAt < 0 ? "" : text.substring(functionsAt + 3);
		return new ShellState(cwd, exports(exports), functions(functions), functionsAt >= 0);
	}

	static Map<String, String> exports(String text) {
		Map<String, String> exports = new LinkedHashMap<>();
		Matcher matcher = EXPORT.matcher(text);
		int at = 0;
		while (at < text.length()) {
			int lineEnd = text.indexOf('\n', at);
			if (!matcher.region(at, text.length()).lookingAt()) {
				at = lineEnd < 0 ? text.length() : lineEnd + 1;
				continue;
			}
			String name = matcher.group(1);
			int i = matcher.end();
			if (i < text.length() && text.charAt(i) == '=') {
				StringBuilder value = new StringBuilder();
				at = word(text, i + 1, value);
				exports.put(name, value.toString());
			}
			else {
				// exported but never given a value: nothing to restore
				at = i;
			}
			int next = text.indexOf('\n', at);
			at = next < 0 ? text.length() : next + 1;
		}
		return exports;
	}

	/** One shell word from {@code from} into {@code value}; returns where it ended. */
	private static int word(String text, int from, StringBuilder value) {
		int i = from;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\'') {
				int end = text.indexOf('\'', i + 1);
				end = end < 0 ? text.length() : end;
				value.append(text, i + 1, end);
				i = end + 1;
			}
			else if (c == '"') {
				i = doubleQuoted(text, i + 1, value);
			}
			else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
				i = AnsiCQuoted.decode(text, i + 2, value);
			}
			else if (c == '\\' && i + 1 < text.length()) {
				value.append(text.charAt(i + 1));
				i += 2;
			}
			else if (c == ' ' || c == '\t' || c == '\n') {
				return i;
			}
			else {
				value.append(c);
				i++;
			}
		}
		return i;
	}

	private static int doubleQuoted(String text, int from, StringBuilder value) {
		int i = from;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"') {
				return i + 1;
			}
			if (c == '\\' && i + 1 < text.length() && "\"\\$`\n".indexOf(text.charAt(i + 1)) >= 0) {
				if (text.charAt(i + 1) != '\n') {
					value.append(text.charAt(i + 1));
				}
				i += 2;
			}
			else {
				value.append(c);
				i++;
			}
		}
		return i;
	}

	static Map<String, String> functions(String text) {
		Map<String, String> functions = new LinkedHashMap<>();
		String name = null;
		StringBuilder body = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			if (name == null) {
				Matcher matcher = FUNCTION.matcher(line);
				if (matcher.matches()) {
					name = matcher.group(1);
					body.setLength(0);
					body.append(line).append('\n');
				}
				continue;
			}
			body.append(line).append('\n');
			if (line.equals("}")) {
				functions.put(name, body.toString());
				name = null;
			}
		}
		return functions;
	}

	/** bash's {@code $'...'} quoting, as {@code declare -p} writes values with control characters. */
	private static final class AnsiCQuoted {

		private AnsiCQuoted() {
		}

		static int decode(String text, int from, StringBuilder value) {
			int i = from;
			while (i < text.length()) {
				char c = text.charAt(i);
				if (c == '\'') {
					return i + 1;
				}
				if (c != '\\' || i + 1 >= text.length()) {
					value.append(c);
					i++;
					continue;
				}
				char e = text.charAt(i + 1);
				i += 2;
				switch (e) {
					case 'n' -> value.append('\n');
					case 't' -> value.append('\t');
					case 'r' -> value.append('\r');
					case 'a' -> value.append('\u0007');
					case 'b' -> value.append('\b');
					case 'e', 'E' -> value.append('\u001b');
					case 'f' -> value.append('\f');
					case 'v' -> value.append('\u000b');
					case 'x' -> {
						int end = digits(text, i, 2, 16);
						if (end == i) {
							value.append("\\x");
						}
						else {
							value.append((char) Integer.parseInt(text.substring(i, end), 16));
						}
						i = end;
					}
					case '0', '1', '2', '3', '4', '5', '6', '7' -> {
						int end = digits(text, i - 1, 3, 8);
						value.append((char) Integer.parseInt(text.substring(i - 1, end), 8));
						i = end;
					}
					default -> value.append(e);
				}
			}
			return i;
		}

		private static int digits(String text, int from, int max, int radix) {
			int end = from;
			while (end < text.length() && end - from < max && Character.digit(text.charAt(end), radix) >= 0) {
				end++;
			}
			return end;
		}

	}

}
