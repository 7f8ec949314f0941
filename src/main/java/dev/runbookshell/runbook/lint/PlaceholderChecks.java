package dev.runbookshell.runbook.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Placeholder;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.SimpleCommands;
import dev.runbookshell.runbook.SimpleCommands.Command;
import dev.runbookshell.runbook.SimpleCommands.Word;
import dev.runbookshell.runbook.lint.RunbookLinter.Reporter;

/**
 * What the operator will be asked for ({@code <name>}, {@code YYYYMMDD}, a {@code $VAR} defined nowhere): once
 * per value, saying which other blocks reuse the answer; a placeholder standing inside a word; and values to
 * fill in that nothing asks for because they are bare words ({@code docker logs CONTAINER_ID}).
 */
final class PlaceholderChecks {

	/** Bare upper-case words that name a value to fill in rather than a literal. */
	private static final Set<String> VALUE_NOUNS = Set.of("IMAGE", "CONTAINER", "HOST", "HOSTNAME", "SERVER", "USER",
			"USERNAME", "PASSWORD", "TOKEN", "SHA", "COMMIT", "BRANCH", "TAG", "PORT", "DOMAIN", "EMAIL", "REGION", "BUCKET",
			"NAMESPACE", "CLUSTER", "PROJECT", "DATABASE", "POD", "NODE");

	/** Commands whose arguments name variables, signals or patterns, not values. */
	private static final Set<String> NAMES_NOT_VALUES = Set.of("export", "unset", "printenv", "readonly", "declare",
			"local", "typeset", "read", "getopts", "trap", "set", "kill", "echo", "printf", "grep", "egrep", "fgrep", "rg",
			"awk", "sed", "env", "test", "[", "[[");

	/** SQL words that look like value names. */
	private static final Set<String> SQL_WORDS = Set.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
			"CURRENT_USER", "SESSION_USER", "AUTO_INCREMENT", "LOCAL_TIME", "NOT_NULL");

	private final Runbook runbook;

	private final Reporter report;

	PlaceholderChecks(Runbook runbook, Reporter report) {
		this.runbook = runbook;
		this.report = report;
	}

	void check() {
		asked();
		bareValues();
	}

	/** The first time each value is asked for, and the blocks that reuse the answer. */
	private void asked() {
		Map<String, List<Block>> users = new LinkedHashMap<>();
		Map<String, Placeholder> first = new LinkedHashMap<>();
		for (Block block : this.runbook.executableBlocks()) {
			for (Placeholder p : block.placeholders()) {
				first.putIfAbsent(p.variable(), p);
				List<Block> using = users.computeIfAbsent(p.variable(), k -> new ArrayList<>());
				if (using.isEmpty() || using.get(using.size() - 1) != block) {
					using.add(block);
				}
			}
		}
		for (Map.Entry<String, Placeholder> entry : first.entrySet()) {
			if (this.report.full("placeholder")) {
				this.report.info(0, "placeholder", "", ""); // counted for the summary, not shown
				continue;
			}
			Placeholder p = entry.getValue();
			List<Block> using = users.get(entry.getKey());
			Block block = using.get(0);
			String fix = switch (p.kind()) {
				case ANGLE -> "declare '" + p.variable() + "' under variables: in front matter to give it a prompt or default";
				case DATE -> "use $(date +%Y%m%d) if it means today, else declare it under variables:";
				case UNDEFINED_VARIABLE -> "set " + p.variable() + " in an earlier block or declare it under variables:/env:";
			};
			String reused = using.size() == 1 ? ""
					: ", and its answer is used again in block" + (using.size() > 2 ? "s " : " ")
							+ String.join(", ", using.subList(1, using.size()).stream().map(Block::id).toList())
							+ " (asked once)";
			this.report.info(lineOf(block, p.token()), "placeholder",
					p.token() + " is asked for before block " + block.label() + " runs" + reused, fix);
			if (p.kind() == Placeholder.Kind.ANGLE) {
				inWord(using, p);
			}
		}
	}

	/** {@code prod_<timestamp>.dump}: asked for here, but a redirection to anyone who pastes the line. */
	private void inWord(List<Block> using, Placeholder p) {
		for (Block block : using) {
			String text = block.command();
			for (int at = text.indexOf(p.token()); at >= 0; at = text.indexOf(p.token(), at + 1)) {
				int end = at + p.token().length();
				boolean before = at > 0 && isWordChar(text.charAt(at - 1));
				boolean after = end < text.length() && isWordChar(text.charAt(end));
				if (before || after) {
					String word = wordAround(text, at, end);
					String name = p.variable().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
					this.report.warning(lineOf(block, word), "placeholder-in-word", "block " + block.label() + ": "
							+ p.token() + " stands inside the word '" + word + "': it is asked for here, but bash reads "
							+ "it as redirections if the line is run by hand",
							"write " + word.replace(p.token(), "${" + name + "}") + " and declare " + name
									+ " under variables:");
					return;
				}
			}
		}
	}

	/** Bare words such as {@code CONTAINER_ID} or {@code IMAGE} that run as literal text. */
	private void bareValues() {
		Map<String, List<Block>> users = new LinkedHashMap<>();
		for (Block block : this.runbook.executableBlocks()) {
			for (Command command : SimpleCommands.of(block.command()).commands()) {
				List<Word> argv = command.argv();
				if (argv.isEmpty() || NAMES_NOT_VALUES.contains(SimpleCommands.baseName(argv.get(0).text()))) {
					continue;
				}
				for (int i = 1; i < argv.size(); i++) {
					String previous = argv.get(i - 1).text();
					if (previous.equals("-e") || previous.equals("--env") || previous.equals("--build-arg")) {
						continue;
					}
					String word = argv.get(i).text();
					if (word.indexOf(' ') >= 0 || word.indexOf('\n') >= 0) {
						continue; // a sentence, an SQL statement or a script: its capitals are not values
					}
					for (String token : valueTokens(word)) {
						List<Block> using = users.computeIfAbsent(token, k -> new ArrayList<>());
						if (using.isEmpty() || using.get(using.size() - 1) != block) {
							using.add(block);
						}
					}
				}
			}
		}
		users.forEach((token, using) -> {
			if (this.report.full("literal-placeholder")) {
				this.report.warning(0, "literal-placeholder", "", "");
				return;
			}
			Block block = using.get(0);
			String also = using.size() == 1 ? ""
					: " (also in block" + (using.size() > 2 ? "s " : " ")
							+ String.join(", ", using.subList(1, using.size()).stream().map(Block::id).toList()) + ")";
			String placeholder = "<" + token.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ">";
			this.report.warning(lineOf(block, token), "literal-placeholder", "block " + block.label() + ": '" + token
					+ "' looks like a value to fill in, but nothing asks for it: it runs as the literal text" + also,
					"write " + placeholder + " (asked before the block runs) or $" + token + " declared under variables:");
		});
	}

	/** Upper-case tokens in a word that name a value: {@code PREVIOUS_SHA} in {@code repo-web:PREVIOUS_SHA}. */
	private static List<String> valueTokens(String word) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		while (i < word.length()) {
			char c = word.charAt(i);
			if (!(c >= 'A' && c <= 'Z') || i > 0 && (isIdentifierChar(word.charAt(i - 1)) || word.charAt(i - 1) == '$'
					|| word.charAt(i - 1) == '{' || word.charAt(i - 1) == '-')) {
				i++;
				continue;
			}
			int end = i;
			while (end < word.length() && (word.charAt(end) >= 'A' && word.charAt(end) <= 'Z'
					|| Character.isDigit(word.charAt(end)) || word.charAt(end) == '_')) {
				end++;
			}
			boolean bounded = end == word.length() || !isIdentifierChar(word.charAt(end)) && word.charAt(end) != '='
					&& word.charAt(end) != '(';
			String token = word.substring(i, end);
			if (bounded && looksLikeValue(token, token.length() == word.length())) {
				tokens.add(token);
			}
			i = Math.max(end, i + 1);
		}
		return tokens;
	}

	/** {@code CONTAINER_ID} anywhere in a word; a noun such as {@code IMAGE} only as the whole word. */
	private static boolean looksLikeValue(String token, boolean wholeWord) {
		if (SQL_WORDS.contains(token) || token.endsWith("_")) {
			return false;
		}
		if (VALUE_NOUNS.contains(token)) {
			return wholeWord;
		}
		String[] parts = token.split("_");
		if (parts.length < 2) {
			return false;
		}
		for (String part : parts) {
			if (part.length() < 2) {
				return false;
			}
		}
		return true;
	}

	private static boolean isIdentifierChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || "_.:/=-".indexOf(c) >= 0;
	}

	/** The shell word around {@code [from, to)}: up to whitespace, a quote or an operator on either side. */
	private static String wordAround(String text, int from, int to) {
		int start = from;
		while (start > 0 && " \t\n'\";|&()".indexOf(text.charAt(start - 1)) < 0) {
			start--;
		}
		int end = to;
		while (end < text.length() && " \t\n'\";|&()".indexOf(text.charAt(end)) < 0) {
			end++;
		}
		return text.substring(start, end);
	}

	/** The file line of the first content line mentioning {@code text}; the fence line when none does. */
	static int lineOf(Block block, String text) {
		String[] lines = block.content().split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(text)) {
				return block.line() + 1 + i;
			}
		}
		return block.line();
	}

}
