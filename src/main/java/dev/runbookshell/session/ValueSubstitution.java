package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.runbookshell.targets.ShellQuoting;

/**
 * Puts values where their tokens ({@code <name>}, {@code YYYYMMDD}) stand in a block, quoted for the place they
 * stand in ({@link ShellScan} finds it), so that each value is one piece of data to whichever shell reads it, and
 * the text that runs is the text the operator is shown. A value that is one plain word ({@code db1.internal}) goes
 * in as it is. Otherwise:
 * <ul>
 * <li>unquoted: in single quotes; inside single quotes: its own {@code '} escaped; inside double quotes, a
 * {@code ${...}} or an unquoted here-document: {@code \ $ `} (and {@code "}, {@code }} where they would end it)
 * escaped; inside a quoted here-document: as it is (it is not expanded there); in a comment: as it is, on one
 * line;</li>
 * <li>inside text that another shell parses again ({@link CommandWords}: the argument of {@code sh -c},
 * {@code eval}, {@code ssh HOST}, {@code watch}, or a here-document fed to a shell), the value is quoted for that
 * inner shell first, then for the outer text;</li>
 * <li>in arithmetic ({@code $((...))}) only an integer is taken.</li>
 * </ul>
 * A value with a line equal to the delimiter of the here-document it would stand in is refused: it would end it.
 */
final class ValueSubstitution {

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

	private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

	private ValueSubstitution() {
	}

	/**
	 * {@code text} with every token of {@code values} replaced.
	 * @param values token ({@code <db-host>}) to value
	 * @throws IllegalArgumentException naming the token when a value cannot stand where its token is
	 */
	static String substitute(String text, Map<String, String> values) {
		if (values.isEmpty()) {
			return text;
		}
		List<String> tokens = new ArrayList<>(values.keySet());
		tokens.sort(Comparator.comparingInt(String::length).reversed());
		ShellScan scan = new ShellScan(text, tokens, values, ValueSubstitution::quote);
		scan.run(text.length());
		return scan.out.toString();
	}

	/**
	 * Offsets of the lines of {@code text} that start a command at the block's top level: not inside quotes, a
	 * here-document, a command substitution or a continued line.
	 */
	static List<Integer> topLevelLineStarts(String text) {
		ShellScan scan = new ShellScan(text, List.of(), Map.of(), ValueSubstitution::quote);
		List<Integer> starts = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			boolean lineStart = i == 0 || text.charAt(i - 1) == '\n';
			if (lineStart && scan.frames.size() == 1 && !scan.top().inWord && scan.pending.isEmpty()) {
				starts.add(i);
			}
			scan.position = i;
			i = scan.step(i);
		}
		return starts;
	}

	/** The value as it must be written at the end of {@code code} (shell text) to be one piece of data. */
	static String quotedAtEnd(String code, String value, String token) {
		ShellScan scan = new ShellScan(code, List.of(), Map.of(), ValueSubstitution::quote);
		scan.run(code.length());
		return quote(scan, value, token);
	}

	/** {@code value} written for the place {@code scan} has reached. */
	static String quote(ShellScan scan, String value, String token) {
		ShellFrame frame = scan.top();
		return switch (frame.kind) {
			case COMMENT -> value.replace('\n', ' ');
			case ANSI -> value.replace("\\", "\\\\").replace("'", "\\'");
			case SINGLE -> ShellQuoting.insideSingleQuotes(frame.reparsed ? inner(scan, frame, value, token) : value);
			case DOUBLE -> escapeDouble(frame.reparsed ? inner(scan, frame, value, token) : value, "\"");
			case PARAMETER -> escapeDouble(value, "\"}");
			case ARITHMETIC -> {
				if (!INTEGER.matcher(value).matches()) {
					throw new IllegalArgumentException(token + " stands in arithmetic ($((...))), where only an "
							+ "integer can be data; '" + value + "' is not one");
				}
				yield value;
			}
			case HEREDOC -> heredoc(scan, frame, value, token);
			default -> frame.wordReparsed ? reparsedWordValue(value) : word(value);
		};
	}

	private static String heredoc(ShellScan scan, ShellFrame frame, String value, String token) {
		for (String line : value.split("\n", -1)) {
			if (value.contains("\n") && (frame.stripTabs ? line.replaceFirst("^\t+", "") : line)
				.equals(frame.delimiter)) {
				throw new IllegalArgumentException(token + " stands in a here-document ending at '"
						+ frame.delimiter + "', and its value has that line: it would end the here-document");
			}
		}
		String data = frame.reparsed ? inner(scan, frame, value, token) : value;
		return frame.quotedHeredoc ? data : data.replace("\\", "\\\\").replace("$", "\\$").replace("`", "\\`");
	}

	/** The value quoted for the shell that parses this frame's text again, at the place reached in it. */
	private static String inner(ShellScan scan, ShellFrame frame, String value, String token) {
		return quotedAtEnd(reparsedText(scan, frame), value, token);
	}

	/** The text of {@code frame} up to where {@code scan} is, as the shell that parses it again reads it. */
	static String reparsedText(ShellScan scan, ShellFrame frame) {
		String code = scan.text.substring(frame.start, Math.min(scan.text.length(), scan.position));
		if (frame.kind == ShellFrame.Kind.DOUBLE || (frame.kind == ShellFrame.Kind.HEREDOC && !frame.quotedHeredoc)) {
			code = code.replaceAll("\\\\([\\\\$`\"])", "$1");
		}
		return code;
	}

	private static String reparsedWordValue(String value) {
		String inner = word(value);
		return PLAIN.matcher(inner).matches() ? inner : "\"" + escapeDouble(inner, "\"") + "\"";
	}

	/** {@code value} as one shell word: as it is when plain, else single-quoted. */
	static String word(String value) {
		return PLAIN.matcher(value).matches() ? value : ShellQuoting.singleQuoted(value);
	}

	static String escapeDouble(String value, String alsoEscaped) {
		StringBuilder escaped = new StringBuilder(value.length() + 8);
		for (char c : value.toCharArray()) {
			if (c == '\\' || c == '$' || c == '`' || alsoEscaped.indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

}
