package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runbookshell.runbook.Block;

/**
 * Runme's {@code promptEnv}: a line {@code export NAME=VALUE} at a block's top level asks for NAME's value. An
 * unquoted VALUE is the question's message ({@code export PROJECT=[Enter your project id]}), a quoted one a
 * suggestion that Enter accepts ({@code export ZONE="us-central1-c"}), an empty one asks plainly. A VALUE with an
 * expansion ({@code $X}, {@code $(cmd)}, {@code ${X:-d}}, ...) or a placeholder is not asked for. The line runs with
 * the value given, quoted as one word. {@code promptEnv=auto} (the default) asks only for a value not known in the
 * session yet, {@code promptEnv=yes} asks every time, {@code promptEnv=no} never asks and runs the line as written.
 */
final class ExportPrompts {

	private static final Pattern EXPORT = Pattern
		.compile("export[ \\t]+([A-Za-z_][A-Za-z0-9_]*)=(.*?)(?:[ \\t]+#.*)?[ \\t]*$");

	/** An unquoted value that is literal text: none of the characters that quote, expand, or end a command. */
	private static final Pattern LITERAL = Pattern.compile("[^$`(){};&|<>\"'\\\\]*");

	private ExportPrompts() {
	}

	/** When a block's export lines are asked for. */
	enum Mode {

		AUTO, ALWAYS, NEVER;

		static Mode of(Block block) {
			return block.annotations().get("promptEnv").map(v -> switch (v.trim().toLowerCase(Locale.ROOT)) {
				case "no", "false", "never" -> NEVER;
				case "yes", "true", "always" -> ALWAYS;
				default -> AUTO;
			}).orElse(AUTO);
		}

	}

	/** What the line's value says. */
	enum Form {

		/** {@code export X=}: nothing. */
		EMPTY,
		/** {@code export X=some text}: the message to ask with. */
		MESSAGE,
		/** {@code export X="value"}: a value to suggest. */
		SUGGESTION

	}

	/**
	 * One export line that asks for its value.
	 * @param variable the name exported
	 * @param valueStart offset of the value in the text
	 * @param valueEnd offset after the value (before a trailing comment)
	 * @param text the value's text without its quotes
	 * @param form what the value says
	 */
	record Line(String variable, int valueStart, int valueEnd, String text, Form form) {

		/** Unattended, the line runs as written when it holds one usable value. */
		boolean usableAsWritten() {
			return this.form == Form.SUGGESTION || (this.form == Form.MESSAGE && !this.text.contains(" ")
					&& !this.text.contains("\t"));
		}

		/** The question to ask: the message, the suggestion Enter accepts, or the plain name. */
		String question() {
			return switch (this.form) {
				case MESSAGE -> this.variable + ": " + this.text;
				case SUGGESTION -> this.variable + " [Enter for " + this.text + "]";
				default -> "value for " + this.variable;
			};
		}

	}

	/** The export lines of {@code text} that ask for their value (none with {@code promptEnv=no}). */
	static List<Line> find(Block block, String text) {
		List<Line> lines = new ArrayList<>();
		if (Mode.of(block) == Mode.NEVER || !text.contains("export")) {
			return lines;
		}
		for (int start : ValueSubstitution.topLevelLineStarts(text)) {
			int end = text.indexOf('\n', start);
			Matcher m = EXPORT.matcher(text).region(start, end < 0 ? text.length() : end);
			if (!m.lookingAt()) {
				continue;
			}
			Line line = line(m.group(1), m.start(2), m.end(2), m.group(2));
			if (line != null && block.placeholders().stream().noneMatch(p -> m.group(2).contains(p.token()))) {
				lines.add(line);
			}
		}
		return lines;
	}

	private static Line line(String name, int start, int end, String value) {
		if (value.isEmpty()) {
			return new Line(name, start, end, "", Form.EMPTY);
		}
		char first = value.charAt(0);
		if (value.length() >= 2 && (first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
			String inner = value.substring(1, value.length() - 1);
			boolean literal = first == '\'' ? !inner.contains("'") : LITERAL.matcher(inner).matches();
			if (!literal) {
				return null;
			}
			return new Line(name, start, end, inner, inner.isEmpty() ? Form.EMPTY : Form.SUGGESTION);
		}
		return LITERAL.matcher(value).matches() ? new Line(name, start, end, value, Form.MESSAGE) : null;
	}

	/** {@code text} with the value of each line replaced by a reference to its variable ({@code "$NAME"}). */
	static String references(String text, List<Line> lines) {
		StringBuilder out = new StringBuilder(text);
		for (int k = lines.size() - 1; k >= 0; k--) {
			Line line = lines.get(k);
			out.replace(line.valueStart(), line.valueEnd(), "\"$" + line.variable() + "\"");
		}
		return out.toString();
	}

	/** {@code text} with the value of each line whose variable is in {@code values} replaced by that value. */
	static String rewrite(String text, List<Line> lines, Map<String, String> values) {
		StringBuilder out = new StringBuilder(text);
		for (int k = lines.size() - 1; k >= 0; k--) {
			Line line = lines.get(k);
			String value = values.get(line.variable());
			if (value != null) {
				out.replace(line.valueStart(), line.valueEnd(), ValueSubstitution.word(value));
			}
		}
		return out.toString();
	}

}
