package dev.runbookshell.runbook.lint;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Line-level rules about shell commands: those that never end on their own (a follower, an editor, a pager,
 * an interactive ssh) and destructive ones. Heuristics on one line of a block with comments blanked; they aim
 * at the commands operators really paste, not at parsing shell.
 */
final class CommandRules {

	/** Where a command word may start: line start, after a separator, after sudo or a keyword. */
	private static final String AT_COMMAND = "(?:^|[;&|(]|\\bsudo|\\bthen|\\bdo|\\belse|\\bexec)\\s*";

	private static final String LATER_ARG = "\\s+(?:[^;&|]*\\s)?";

	static final List<Rule> NEVER_ENDS = List.of(
			rule("(?:^|[\\s;&|(])tail" + LATER_ARG + "-(?:[a-zA-Z]*[fF][a-zA-Z]*|-follow)\\b", "'tail -f' follows forever",
					"use 'tail -n 100' to show recent lines"),
			rule("\\blogs" + LATER_ARG + "(?:-[a-zA-Z]*f[a-zA-Z]*|--follow)\\b", "'logs -f' follows forever",
					"use 'logs --tail 100' (or add timeout=) to show recent lines"),
			rule("\\bjournalctl" + LATER_ARG + "(?:-[a-zA-Z]*f[a-zA-Z]*|--follow)\\b", "'journalctl -f' follows forever",
					"use 'journalctl -n 100 --no-pager'"),
			rule(AT_COMMAND + "watch\\s", "'watch' repeats until interrupted", "run the command once, or loop with a bound"),
			rule("\\bcrontab\\s+(?:-u\\s+\\S+\\s+)?-e\\b", "'crontab -e' opens an editor",
					"install the crontab from a file: 'crontab FILE' or '(crontab -l; echo ...) | crontab -'"),
			rule(AT_COMMAND + "(?:vi|vim|nvim|nano|emacs|pico|joe|sudoedit|visudo)(?:\\s|$)", "an editor waits for the operator",
					"change the file with sed -i, tee or a here-document"),
			rule("\\b(?:systemctl|kubectl)\\s+edit\\b", "'edit' opens an editor",
					"write the override file with a here-document, then daemon-reload"),
			rule("(?:" + AT_COMMAND + "|\\|\\s*)(?:less|more|most)(?:\\s|$)", "a pager waits for the operator",
					"drop the pager, or use '| head -n 50'"),
			rule(AT_COMMAND + "(?:htop|btop|atop|top(?![^;&|]*\\s-b))(?:\\s|$)", "'top' runs until quit",
					"use 'top -b -n 1' or 'ps aux --sort=-%mem | head'"),
			rule("\\b(?:docker|podman|kubectl)\\s+exec" + LATER_ARG + "(?:-[a-zA-Z]*t[a-zA-Z]*|--tty)\\b",
					"'exec -it' attaches a terminal and waits for input",
					"drop -it and pass the command: 'docker exec NAME cmd args'"));

	static final List<Rule> DESTRUCTIVE = List.of(
			rule("\\brm" + LATER_ARG + "-(?:[a-zA-Z]*[rR][a-zA-Z]*f|[a-zA-Z]*f[a-zA-Z]*[rR])[a-zA-Z]*\\b", "'rm -rf'", ""),
			rule("(?i)\\bdrop\\s+(?:table|database|schema)\\b|\\bdropdb\\b", "dropping a database or table", ""),
			rule("\\bmkfs(?:\\.\\w+)?\\b", "'mkfs'", ""),
			rule("\\bdd\\s+[^;&|]*\\bof=", "'dd of='", ""),
			rule("\\bdocker[- ]compose\\b[^;&|]*\\bdown" + LATER_ARG + "(?:-v|--volumes)\\b", "'docker compose down -v'", ""),
			rule("\\bdocker\\s+(?:system|volume|image|container|network)\\s+prune\\b|\\bdocker\\s+volume\\s+rm\\b",
					"removing docker data", ""),
			rule("\\bsystemctl" + LATER_ARG + "disable\\b", "'systemctl disable'", ""),
			rule("\\bgit\\s+push" + LATER_ARG + "(?:--force\\b|--force-with-lease\\b|-f\\b)|\\bgit\\s+reset\\s+--hard\\b",
					"rewriting git history", ""),
			rule("(?i)\\btruncate\\b", "'truncate'", ""));

	/** What counts as a backup taken before a destructive command. */
	static final Pattern BACKUP = Pattern.compile("(?i)\\b(?:cp|tar|pg_dump\\w*|pg_basebackup|mysqldump|mariadb-dump"
			+ "|mongodump|rsync|rclone|restic|borg)\\b|backup|snapshot");

	private static final Pattern SSH = Pattern.compile(AT_COMMAND + "ssh\\s+(.*)$");

	private static final Pattern FUNCTION = Pattern.compile("\\w+\\s*\\(\\)\\s*\\{|\\bfunction\\s+\\w+");

	private static final Pattern EXIT = Pattern.compile("(?:^|;|&&|\\|\\||\\bthen|\\belse|\\bdo)\\s*exit\\b");

	/** ssh options that take an argument: the next word is not the host. */
	private static final String SSH_OPTIONS_WITH_ARGUMENT = "BbcDEeFIiJLlmOoPpQRSWw";

	private CommandRules() {
	}

	/** A pattern with what it means and, for never-ending commands, the fix. */
	record Rule(Pattern pattern, String what, String fix) {
	}

	private static Rule rule(String regex, String what, String fix) {
		return new Rule(Pattern.compile(regex), what, fix);
	}

	/** {@code ssh host} with no remote command: opens an interactive session on another host. */
	static Optional<String> interactiveSsh(String line) {
		if (line.stripTrailing().endsWith("\\")) {
			return Optional.empty();
		}
		var m = SSH.matcher(line);
		if (!m.find()) {
			return Optional.empty();
		}
		String[] words = m.group(1).trim().split("\\s+");
		int i = 0;
		while (i < words.length && words[i].startsWith("-")) {
			String option = words[i];
			if (option.contains("f")) {
				return Optional.empty();
			}
			boolean takesArgument = option.length() == 2 && SSH_OPTIONS_WITH_ARGUMENT.indexOf(option.charAt(1)) >= 0;
			i += takesArgument ? 2 : 1;
		}
		boolean onlyHost = i == words.length - 1 && !words[i].isEmpty();
		return onlyHost ? Optional.of(words[i]) : Optional.empty();
	}

	/** An {@code exit} at the top level of the block (not inside a function or a subshell on the line). */
	static boolean exitsShell(String line, String wholeBlock) {
		return EXIT.matcher(line).find() && !FUNCTION.matcher(wholeBlock).find() && !line.matches(".*\\([^)]*\\bexit\\b.*");
	}

}
