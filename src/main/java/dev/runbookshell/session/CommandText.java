package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Placeholder;
import dev.runbookshell.runbook.VariableSpec;

/**
 * What runs for a block: which values it needs, and its text with {@code <placeholder>} and {@code YYYYMMDD}
 * tokens turned into quoted references to exported shell variables. Values never become shell code, so a value
 * such as {@code '; rm -rf ~ #} arrives verbatim.
 */
public final class CommandText {

	private CommandText() {
	}

	/**
	 * What an exporter (the Ansible playbook) needs to run {@code block} as a session would: the variables its
	 * command needs, in order, and its text with each substituted token turned into a reference to the variable's
	 * exported name ({@link SessionVariables#shellName}), so that a value is passed as data, never pasted into it.
	 */
	public static Exported exported(Block block, SessionVariables variables) {
		List<Need> needs = needs(block, block.command(), variables);
		return new Exported(needs.stream().map(Need::variable).toList(), script(needs, block.command()));
	}

	/**
	 * A block's command as an exporter sends it.
	 * @param variables the variables it needs, in order of first use
	 * @param script the text to run
	 */
	public record Exported(List<String> variables, String script) {

		public Exported {
			variables = List.copyOf(variables);
		}

	}

	/**
	 * A value the text needs.
	 * @param variable the variable it is stored under
	 * @param token the text that stands for it ({@code <db-host>}, {@code YYYYMMDD}, {@code $NEW_HOST})
	 * @param substituted whether the token is replaced in the text (otherwise the shell expands it)
	 */
	record Need(String variable, String token, boolean substituted) {
	}

	/** The values {@code text} (the block's command, or the operator's edit of it) needs, in order. */
	static List<Need> needs(Block block, String text, SessionVariables variables) {
		Map<String, Need> needs = new LinkedHashMap<>();
		for (Placeholder placeholder : block.placeholders()) {
			boolean substituted = placeholder.kind() != Placeholder.Kind.UNDEFINED_VARIABLE;
			boolean used = substituted ? text.contains(placeholder.token()) : references(text, placeholder.variable());
			if (used) {
				needs.putIfAbsent(placeholder.variable(),
						new Need(placeholder.variable(), placeholder.token(), substituted));
			}
		}
		for (String name : variables.declared()) {
			if (text.contains("<" + name + ">")) {
				needs.putIfAbsent(name, new Need(name, "<" + name + ">", true));
			}
			else if (references(text, name)) {
				needs.putIfAbsent(name, new Need(name, "$" + name, false));
			}
		}
		return new ArrayList<>(needs.values());
	}

	/** The question for a need: the front-matter prompt, else the token. */
	static String question(Need need, SessionVariables variables) {
		return variables.spec(need.variable())
			.map(VariableSpec::prompt)
			.filter(p -> p != null && !p.isBlank())
			.orElse("value for " + need.token());
	}

	/** {@code text} with each substituted token replaced by a reference to its exported variable. */
	static String script(List<Need> needs, String text) {
		Map<String, String> references = new LinkedHashMap<>();
		for (Need need : needs) {
			if (need.substituted()) {
				references.put(need.token(), SessionVariables.shellName(need.variable()));
			}
		}
		return references.isEmpty() ? text : replaceQuoted(text, references);
	}

	/** {@code text} as the operator reads it: tokens replaced by their values, secrets as {@code ****}. */
	static String display(List<Need> needs, String text, SessionVariables variables) {
		String shown = text;
		for (Need need : needs) {
			String value = variables.display(need.variable());
			if (need.substituted() && value != null) {
				shown = shown.replace(need.token(), value);
			}
		}
		return shown;
	}

	private static boolean references(String text, String name) {
		if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			return false;
		}
		// $NAME, ${NAME...}, ${#NAME} (its length) and ${!NAME} (indirection) all need NAME's value
		return Pattern.compile("\\$(?:\\{[#!]?)?" + name + "(?![A-Za-z0-9_])").matcher(text).find();
	}

	/**
	 * Replaces tokens by {@code "${NAME}"}, adapting to the quoting in force where the token stands: inside
	 * single quotes the quote is closed and reopened, inside double quotes the reference is bare.
	 */
	static String replaceQuoted(String text, Map<String, String> references) {
		List<String> tokens = new ArrayList<>(references.keySet());
		tokens.sort(Comparator.comparingInt(String::length).reversed());
		StringBuilder out = new StringBuilder(text.length() + 16);
		char quote = 0;
		int i = 0;
		outer: while (i < text.length()) {
			char c = text.charAt(i);
			for (String token : tokens) {
				if (text.startsWith(token, i)) {
					String name = references.get(token);
					out.append(switch (quote) {
						case '\'' -> "'\"${" + name + "}\"'";
						case '"' -> "${" + name + "}";
						default -> "\"${" + name + "}\"";
					});
					i += token.length();
					continue outer;
				}
			}
			if (c == '\\' && quote != '\'' && i + 1 < text.length()) {
				out.append(c).append(text.charAt(i + 1));
				i += 2;
				continue;
			}
			if ((c == '\'' || c == '"') && (quote == 0 || quote == c)) {
				quote = quote == 0 ? c : 0;
			}
			out.append(c);
			i++;
		}
		return out.toString();
	}

}
