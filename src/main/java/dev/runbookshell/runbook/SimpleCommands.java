package dev.runbookshell.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A shell text cut into simple commands and their words, the way bash would cut it for the rules that read
 * commands (the destructive list, lint): comments dropped, quotes removed from words (offsets kept), control
 * operators ({@code ; & | && || ( )} and newlines) ending a command, redirections kept apart with their
 * targets, here-document bodies skipped. One pass, linear in the text; not a full shell grammar (no
 * keywords, no expansions), which the rules do not need.
 *
 * @param commands the simple commands in text order
 * @param heredocs the bodies of here-documents, in text order
 */
public record SimpleCommands(List<Command> commands, List<String> heredocs) {

	public SimpleCommands {
		commands = List.copyOf(commands);
		heredocs = List.copyOf(heredocs);
	}

	/** Cuts {@code text} into simple commands. */
	public static SimpleCommands of(String text) {
		ShellTokenizer tokenizer = new ShellTokenizer(text);
		tokenizer.run();
		return new SimpleCommands(tokenizer.commands(), tokenizer.heredocs());
	}

	/**
	 * A word of a command.
	 *
	 * @param text the word with quotes and backslashes removed
	 * @param quoted whether any part of it was quoted or escaped
	 * @param start offset of its first character in the text
	 * @param end offset after its last character
	 */
	public record Word(String text, boolean quoted, int start, int end) {
	}

	/**
	 * A redirection: {@code > file}, {@code >> file}, {@code 2>&1}, {@code < file}, {@code <<EOF}.
	 *
	 * @param operator the operator without a leading descriptor number ({@code >}, {@code >>}, {@code &>})
	 * @param target the word after it (for {@code <<} the delimiter)
	 */
	public record Redirect(String operator, Word target) {
	}

	/**
	 * One simple command: words and redirections up to a control operator.
	 *
	 * @param words the words in order, assignments and wrappers ({@code sudo}) included
	 * @param redirects its redirections in order
	 * @param line 0-based line of the text where its first word stands
	 * @param start offset of its first word or redirection
	 * @param end offset after its last word or redirection
	 * @param piped whether its standard input is the previous command's output ({@code a | b})
	 */
	public record Command(List<Word> words, List<Redirect> redirects, int line, int start, int end, boolean piped) {

		public Command {
			words = List.copyOf(words);
			redirects = List.copyOf(redirects);
		}

		/**
		 * The program and its arguments: the words after leading assignments ({@code X=1}), reserved words
		 * ({@code then}, {@code do}, {@code !}, ...) and the wrappers that run another command ({@code sudo -u app}, {@code env}, {@code nohup}, {@code time},
		 * {@code exec}, {@code command}, {@code nice}, {@code timeout 5m}, {@code xargs -n1}, {@code doas}).
		 * Empty for a command of assignments only.
		 */
		public List<Word> argv() {
			int i = 0;
			while (i < this.words.size()) {
				if (isAssignment(this.words.get(i)) || RESERVED.contains(this.words.get(i).text())
						&& !this.words.get(i).quoted()) {
					i++;
					continue;
				}
				int skip = Wrappers.skip(this.words, i);
				if (skip == i) {
					break;
				}
				i = skip;
			}
			return this.words.subList(Math.min(i, this.words.size()), this.words.size());
		}

		/** The program's name without a directory ({@code /usr/bin/rm} is {@code rm}); "" when none. */
		public String program() {
			List<Word> argv = argv();
			return argv.isEmpty() ? "" : baseName(argv.get(0).text());
		}

		/** The command as written, from its first word to its last. */
		public String text(String source) {
			return source.substring(this.start, this.end);
		}

		private static boolean isAssignment(Word word) {
			String text = word.text();
			int eq = text.indexOf('=');
			if (eq <= 0) {
				return false;
			}
			for (int i = 0; i < eq; i++) {
				char c = text.charAt(i);
				if (!(Character.isLetterOrDigit(c) || c == '_') || i == 0 && Character.isDigit(c)) {
					return false;
				}
			}
			return true;
		}

	}

	/** Words that start a command but are not its program. */
	private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "do", "while", "until", "!", "{",
			"}", "fi", "done", "esac");

	/** A short option group holding {@code letter}: {@code -f}, {@code -xef}; not {@code --follow}. */
	public static boolean shortOption(String arg, char letter) {
		return arg.length() > 1 && arg.charAt(0) == '-' && arg.charAt(1) != '-' && arg.indexOf(letter) > 0
				&& arg.chars().skip(1).allMatch(Character::isLetter);
	}

	/** {@code /usr/bin/rm} is {@code rm}. */
	public static String baseName(String program) {
		int slash = program.lastIndexOf('/');
		return slash >= 0 ? program.substring(slash + 1) : program;
	}

	/** Commands that run the command given in their arguments, and how many option words each takes. */
	private static final class Wrappers {

		private Wrappers() {
		}

		/** The index after the wrapper at {@code i} and its options; {@code i} when that word is no wrapper. */
		static int skip(List<Word> words, int i) {
			String name = baseName(words.get(i).text()).toLowerCase(Locale.ROOT);
			String withArgument = switch (name) {
				case "sudo", "doas" -> "ugCDhprtUT";
				case "nice" -> "n";
				case "xargs" -> "IndPLsaE";
				case "env" -> "uSC";
				case "ionice" -> "cnp";
				case "stdbuf" -> "ioe";
				case "timeout" -> "sk";
				case "nohup", "time", "exec", "command", "builtin", "unbuffer" -> "";
				default -> null;
			};
			if (withArgument == null) {
				return i;
			}
			int j = i + 1;
			while (j < words.size() && words.get(j).text().startsWith("-") && words.get(j).text().length() > 1) {
				String option = words.get(j).text();
				j++;
				if (option.equals("--")) {
					break;
				}
				boolean takesNext = option.length() == 2 && withArgument.indexOf(option.charAt(1)) >= 0;
				if (takesNext) {
					j++;
				}
			}
			if (name.equals("env")) {
				while (j < words.size() && Command.isAssignment(words.get(j))) {
					j++;
				}
			}
			if (name.equals("timeout") && j < words.size()) {
				j++; // the duration
			}
			return j;
		}

	}

}
