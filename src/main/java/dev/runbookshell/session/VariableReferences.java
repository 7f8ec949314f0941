package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.runbookshell.targets.ShellQuoting;

/**
 * For text that runs where the values are not known yet (an exported Ansible playbook): each token becomes a
 * reference to the exported variable that will hold its value, written so that the shell which finally reads it
 * expands it as data ({@code "${name}"} unquoted, {@code ${name}} in double quotes, closed and reopened single
 * quotes, and inside {@code bash -c '...'}, {@code eval "..."} and the like a reference left for the inner shell,
 * which sees the exported variable). A quoted here-document expands nothing: the reference stays text there.
 */
final class VariableReferences {

	private VariableReferences() {
	}

	/** @param names token ({@code <db-host>}) to the exported variable's name ({@code db_host}) */
	static String substitute(String text, Map<String, String> names) {
		if (names.isEmpty()) {
			return text;
		}
		List<String> tokens = new ArrayList<>(names.keySet());
		tokens.sort(Comparator.comparingInt(String::length).reversed());
		ShellScan scan = new ShellScan(text, tokens, names, VariableReferences::reference);
		scan.run(text.length());
		return scan.out.toString();
	}

	private static String reference(ShellScan scan, String name, String token) {
		ShellFrame frame = scan.top();
		String bare = "${" + name + "}";
		String quoted = "\"" + bare + "\"";
		return switch (frame.kind) {
			case SINGLE -> frame.reparsed ? ShellQuoting.insideSingleQuotes(inner(scan, frame, name, token))
					: "'" + quoted + "'";
			case ANSI -> "'" + quoted + "$'";
			case DOUBLE -> frame.reparsed ? ValueSubstitution.escapeDouble(inner(scan, frame, name, token), "\"")
					: bare;
			case HEREDOC -> !frame.reparsed ? bare : frame.quotedHeredoc ? quoted : "\"\\" + bare + "\"";
			case COMMENT, PARAMETER, ARITHMETIC -> bare;
			default -> frame.wordReparsed ? "'" + quoted + "'" : quoted;
		};
	}

	private static String inner(ShellScan scan, ShellFrame frame, String name, String token) {
		String code = ValueSubstitution.reparsedText(scan, frame);
		ShellScan inner = new ShellScan(code, List.of(), Map.of(), VariableReferences::reference);
		inner.run(code.length());
		return reference(inner, name, token);
	}

}
