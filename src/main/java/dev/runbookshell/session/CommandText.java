package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Placeholder;
import dev.runbookshell.runbook.VariableSpec;

/**
 * What runs for a block: which values it needs, and its text with the values of {@code <placeholder>} and
 * {@code YYYYMMDD} tokens put in, each quoted as data for where it stands, so that a value such as
 * {@code x; touch /tmp/pwned} arrives verbatim and never runs. The operator is shown that same text.
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
		String command = block.command();
		List<ExportPrompts.Line> lines = ExportPrompts.find(block, command);
		List<ExportLine> exportLines = lines.stream()
			.map(line -> new ExportLine(line.variable(), line.question(), line.usableAsWritten() ? line.text() : null,
					block.fileLine((int) command.chars().limit(line.valueStart()).filter(c -> c == '\n').count())))
			.toList();
		// an export line reads its variable, so that the value given (or the default: the value as written) is
		// what the line exports, as in a session
		String text = ExportPrompts.references(command, lines);
		return new Exported(needs.stream().map(Need::variable).toList(), script(needs, text), exportLines);
	}

	/**
	 * A block's command as an exporter sends it.
	 * @param variables the variables it needs, in order of first use
	 * @param script the text to run: each asking export line reads its variable ({@code export NAME="$NAME"})
	 * @param exportLines its export lines that ask for their variable (promptEnv), in order
	 */
	public record Exported(List<String> variables, String script, List<ExportLine> exportLines) {

		public Exported {
			variables = List.copyOf(variables);
			exportLines = List.copyOf(exportLines);
		}

	}

	/**
	 * An {@code export NAME=VALUE} line that asks for its variable (promptEnv), as a session treats it.
	 * @param variable the variable
	 * @param question what a session asks
	 * @param written the value the line runs with when nobody can be asked ({@code runbook run --yes}), or null
	 * when it holds none and such a run refuses
	 * @param line the runbook line of the export
	 */
	public record ExportLine(String variable, String question, String written, int line) {
	}

	/**
	 * A value the text needs.
	 * @param variable the variable it is stored under
	 * @param token the text that stands for it ({@code <db-host>}, {@code YYYYMMDD}, {@code $NEW_HOST})
	 * @param substituted whether the token is replaced in the text (otherwise the shell expands it)
	 * @param export the {@code export NAME=} line that asks for it (promptEnv), or null
	 */
	record Need(String variable, String token, boolean substituted, ExportPrompts.Line export) {

		Need(String variable, String token, boolean substituted) {
			this(variable, token, substituted, null);
		}

	}

	/** The values {@code text} (the block's command, or the operator's edit of it) needs, in order. */
	static List<Need> needs(Block block, String text, SessionVariables variables) {
		Map<String, Need> needs = new LinkedHashMap<>();
		for (ExportPrompts.Line line : ExportPrompts.find(block, text)) {
			needs.putIfAbsent(line.variable(), new Need(line.variable(), "export " + line.variable() + "=", true, line));
		}
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
		if (need.export() != null) {
			return need.export().question();
		}
		return variables.spec(need.variable())
			.map(VariableSpec::prompt)
			.filter(p -> p != null && !p.isBlank())
			.orElse("value for " + need.token());
	}

	/**
	 * {@code text} with the value of each substituted token that has one put in its place, quoted as data for
	 * where it stands ({@link ValueSubstitution}); tokens without a value are left as they are.
	 * @param withSecrets false to leave the tokens of secret values in place (for a prompt the operator may edit)
	 * @throws SessionRefusedException when a value cannot stand where its token is
	 */
	static String render(Block block, List<Need> needs, String text, SessionVariables variables, boolean withSecrets) {
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> exported = new LinkedHashMap<>();
		for (Need need : needs) {
			String value = variables.get(need.variable()).orElse(null);
			if (need.substituted() && value != null && (withSecrets || !variables.isSecret(need.variable()))) {
				(need.export() != null ? exported : values).put(need.export() != null ? need.variable() : need.token(),
						value);
			}
		}
		try {
			String withExports = exported.isEmpty() ? text
					: ExportPrompts.rewrite(text, ExportPrompts.find(block, text), exported);
			return ValueSubstitution.substitute(withExports, values);
		}
		catch (IllegalArgumentException ex) {
			throw new SessionRefusedException("block " + block.label() + " at line " + block.line() + ": "
					+ ex.getMessage());
		}
	}

	/**
	 * {@code text} with each substituted token replaced by a reference to its exported variable
	 * ({@link SessionVariables#shellName}), for text that runs where the values are not known yet.
	 */
	static String script(List<Need> needs, String text) {
		Map<String, String> references = new LinkedHashMap<>();
		for (Need need : needs) {
			if (need.substituted() && need.export() == null) {
				references.put(need.token(), SessionVariables.shellName(need.variable()));
			}
		}
		return VariableReferences.substitute(text, references);
	}

	private static boolean references(String text, String name) {
		if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			return false;
		}
		// $NAME, ${NAME...}, ${#NAME} (its length) and ${!NAME} (indirection) all need NAME's value
		return Pattern.compile("\\$(?:\\{[#!]?)?" + name + "(?![A-Za-z0-9_])").matcher(text).find();
	}

}
