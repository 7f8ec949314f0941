package dev.runbookshell.session;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which words of a simple command are text that another shell parses again, judged from the words before them:
 * everything after {@code eval} or {@code watch}, the word after a shell's {@code -c} ({@code sh}, {@code bash},
 * {@code su}, ...), what follows the host of {@code ssh}; and whether a here-document feeds a shell. Prefixes such as
 * {@code sudo}, {@code env} or {@code nohup} and assignments before the command word are looked through.
 */
final class CommandWords {

	private static final Pattern SHELL_C_FLAG = Pattern.compile("-[A-Za-z]*c[A-Za-z]*");

	private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ash", "mksh", "su",
			"runuser");

	private static final Set<String> STDIN_SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ash", "mksh", "ssh");

	private static final Set<String> PREFIXES = Set.of("sudo", "env", "exec", "command", "nohup", "time", "nice",
			"doas");

	/** ssh options that take an argument: the host is the first word that is neither one nor its argument. */
	private static final String SSH_OPTIONS_WITH_ARGUMENT = "BbcDEeFIiJLlmOoPpQRSWw";

	private CommandWords() {
	}

	/** Whether the word starting now is text another shell parses again, judged by the words before it. */
	static boolean reparsedWord(List<String> words) {
		int command = commandIndex(words);
		if (command < 0) {
			return false;
		}
		String name = baseName(words.get(command));
		if (name.equals("eval") || name.equals("watch")) {
			return true;
		}
		int last = words.size() - 1;
		if (last > command && SHELL_C_FLAG.matcher(words.get(last)).matches()) {
			for (int k = command; k < last; k++) {
				if (SHELLS.contains(baseName(words.get(k)))) {
					return true;
				}
			}
		}
		for (int k = command; k < words.size(); k++) {
			if (baseName(words.get(k)).equals("ssh")) {
				return sshHostSeen(words, k);
			}
		}
		return false;
	}

	private static boolean sshHostSeen(List<String> words, int ssh) {
		for (int k = ssh + 1; k < words.size(); k++) {
			String w = words.get(k);
			if (w.startsWith("-") && w.length() > 1) {
				if (w.length() == 2 && SSH_OPTIONS_WITH_ARGUMENT.indexOf(w.charAt(1)) >= 0) {
					k++;
				}
				continue;
			}
			return true; // the host; every word after it is the remote command
		}
		return false;
	}

	/** A here-document read by a shell ({@code bash <<EOF}, {@code ssh host <<EOF}) is code again. */
	static boolean feedsAShell(List<String> words) {
		int command = commandIndex(words);
		return command >= 0 && STDIN_SHELLS.contains(baseName(words.get(command)))
				&& words.stream().skip(command + 1).noneMatch(w -> SHELL_C_FLAG.matcher(w).matches());
	}

	/** The command word after assignments and prefixes such as sudo, env, exec, nohup, time. */
	private static int commandIndex(List<String> words) {
		for (int k = 0; k < words.size(); k++) {
			String w = words.get(k);
			if (w.matches("[A-Za-z_][A-Za-z0-9_]*=.*") || w.startsWith("-") || PREFIXES.contains(baseName(w))) {
				continue;
			}
			return k;
		}
		return -1;
	}

	private static String baseName(String word) {
		String unquoted = word.replace("'", "").replace("\"", "");
		return unquoted.substring(unquoted.lastIndexOf('/') + 1);
	}

	/** {@code value} written for the place the scan has reached. */

}
