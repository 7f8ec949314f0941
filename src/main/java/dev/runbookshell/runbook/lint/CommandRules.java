package dev.runbookshell.runbook.lint;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.runbookshell.runbook.FollowingCommands;
import dev.runbookshell.runbook.FollowingCommands.Follower;
import dev.runbookshell.runbook.SimpleCommands;
import dev.runbookshell.runbook.SimpleCommands.Command;
import dev.runbookshell.runbook.SimpleCommands.Word;

/**
 * Rules about one simple command (see {@link SimpleCommands}): commands that never end on their own (a
 * follower, an editor, a pager, an attached {@code compose up}, an interactive ssh) and commands that wait for
 * a terminal the session does not give them (a bare {@code psql}, {@code createsuperuser}, {@code apt install}
 * without {@code -y}). Heuristics on program and arguments; they aim at the commands operators really paste,
 * not at parsing shell.
 */
final class CommandRules {

	/** What a rule found: the rule id, what happens, and the fix. */
	record Hint(String rule, String what, String fix) {
	}

	private static final Set<String> EDITORS = Set.of("vi", "vim", "nvim", "nano", "emacs", "pico", "joe", "sudoedit",
			"visudo", "mcedit", "micro");

	private static final Set<String> PAGERS = Set.of("less", "more", "most", "man");

	private static final Set<String> REPLS = Set.of("python", "python3", "node", "irb", "ipython", "php", "ghci");

	/** ssh options that take an argument: the next word is not the host. */
	private static final String SSH_OPTIONS_WITH_ARGUMENT = "BbcDEeFIiJLlmOoPpQRSWw";

	/** Programs that take a backup before a destructive command (so does any word saying backup or snapshot). */
	private static final Set<String> BACKUP_PROGRAMS = Set.of("cp", "tar", "pg_dump", "pg_dumpall", "pg_basebackup",
			"mysqldump", "mariadb-dump", "mongodump", "rsync", "rclone", "restic", "borg", "borgmatic");

	/** Possessive and anchored at word starts: a long word must not be rescanned from each of its letters. */
	private static final Pattern FUNCTION = Pattern.compile("(?<!\\w)\\w++\\s*+\\(\\)\\s*+\\{|\\bfunction\\s++\\w");

	/** How far back on its line an {@code exit} looks for the subshell it may be in. */
	private static final int SUBSHELL_LOOKBACK = 200;

	private CommandRules() {
	}

	/** The first never-ending shape of {@code command}, or null. */
	static Hint neverEnds(Command command) {
		List<String> argv = texts(command.argv());
		if (argv.isEmpty()) {
			return null;
		}
		String program = program(argv);
		List<String> args = argv.subList(1, argv.size());
		Follower follower = FollowingCommands.of(command).orElse(null);
		if (follower != null) {
			return switch (follower) {
				case TAIL -> never("'tail -f' follows forever", "use 'tail -n 100' to show recent lines");
				case LOGS -> never("'logs -f' follows forever",
						"use 'logs --tail 100' (or add timeout=) to show recent lines");
				case JOURNALCTL -> never("'journalctl -f' follows forever", "use 'journalctl -n 100 --no-pager'");
				case WATCH -> never("'watch' repeats until interrupted", "run the command once, or loop with a bound");
			};
		}
		if (program.equals("crontab") && args.contains("-e")) {
			return never("'crontab -e' opens an editor",
					"install the crontab from a file: 'crontab FILE' or '(crontab -l; echo ...) | crontab -'");
		}
		if (EDITORS.contains(program)) {
			return never("an editor waits for the operator", "change the file with sed -i, tee or a here-document");
		}
		if ((program.equals("systemctl") || program.equals("kubectl")) && args.contains("edit")) {
			return never("'edit' opens an editor", "write the override file with a here-document, then daemon-reload");
		}
		if (program.equals("git") && args.contains("commit") && args.stream().noneMatch(a -> a.startsWith("-m")
				|| a.startsWith("--message") || a.startsWith("-F") || a.startsWith("--file") || a.equals("--no-edit")
				|| a.startsWith("-C") || a.startsWith("--fixup"))) {
			return never("'git commit' without -m opens an editor for the message", "pass the message: git commit -m '...'");
		}
		if (PAGERS.contains(program)) {
			return never("a pager waits for the operator", "drop the pager, or use '| head -n 50'");
		}
		if (Set.of("top", "htop", "btop", "atop").contains(program) && !(program.equals("top") && args.contains("-b"))) {
			return never("'top' runs until quit", "use 'top -b -n 1' or 'ps aux --sort=-%mem | head'");
		}
		Hint attached = attached(program, args);
		if (attached != null) {
			return attached;
		}
		String host = interactiveSsh(program, args);
		if (host != null) {
			return never("'ssh " + host + "' opens an interactive shell on another host",
					"pass the command to ssh ('ssh " + host + " cmd') or declare the host as a target");
		}
		return null;
	}

	/** {@code docker exec -it}, {@code docker run -it}, {@code docker compose up} without {@code -d}. */
	private static Hint attached(String program, List<String> args) {
		boolean containers = Set.of("docker", "podman", "kubectl", "nerdctl", "docker-compose", "oc").contains(program);
		if (!containers) {
			return null;
		}
		int verb = firstWord(args);
		String subcommand = verb < args.size() ? args.get(verb) : "";
		List<String> rest = verb < args.size() ? args.subList(verb + 1, args.size()) : List.of();
		if ((subcommand.equals("exec") || subcommand.equals("run") && !program.equals("kubectl"))
				&& rest.stream().takeWhile(a -> a.startsWith("-"))
					.anyMatch(a -> SimpleCommands.shortOption(a, 't') || a.equals("--tty"))
				&& rest.stream().noneMatch(a -> a.equals("-d") || a.equals("--detach"))) {
			return never("'" + subcommand + " -it' attaches a terminal and waits for input",
					"drop -it and pass the command: 'docker " + subcommand + " NAME cmd args'");
		}
		boolean compose = program.equals("docker-compose") || subcommand.equals("compose");
		List<String> composeArgs = program.equals("docker-compose") ? args : rest;
		int up = firstWord(composeArgs);
		if (compose && up < composeArgs.size() && composeArgs.get(up).equals("up")) {
			List<String> options = composeArgs.subList(up + 1, composeArgs.size());
			boolean ends = options.stream().anyMatch(a -> a.equals("-d") || a.equals("--detach")
					|| SimpleCommands.shortOption(a, 'd')
					|| a.equals("--wait") || a.startsWith("--abort-on-container-exit") || a.startsWith("--exit-code-from"));
			if (!ends) {
				return never("'compose up' without -d stays attached to the containers' output until they stop",
						"add -d, then check with 'docker compose ps' or 'docker compose logs --tail 100'");
			}
		}
		return null;
	}

	/** Commands that read from a terminal; null when the command gets its input some other way. */
	static Hint waitsForInput(Command command) {
		List<String> argv = texts(command.argv());
		String program = argv.isEmpty() ? "" : program(argv);
		List<String> args = argv.isEmpty() ? argv : argv.subList(1, argv.size());
		boolean fedInput = command.piped() || command.redirects().stream().anyMatch(r -> r.operator().startsWith("<"));
		if (argv.contains("createsuperuser") && !argv.contains("--noinput") && !argv.contains("--no-input")) {
			return input("'createsuperuser' asks for a user name and password on the terminal",
					"pass --noinput with DJANGO_SUPERUSER_USERNAME/_EMAIL/_PASSWORD set, or mark the block interactive=true");
		}
		if (fedInput) {
			return null;
		}
		if (program.equals("psql") && args.stream().noneMatch(a -> a.startsWith("-c") || a.startsWith("--command")
				|| a.startsWith("-f") || a.startsWith("--file") || a.equals("-l") || a.equals("--list")
				|| a.equals("--version") || a.equals("-V"))) {
			return input("'psql' with no -c or -f reads SQL from the terminal",
					"pass the SQL with -c '...' or -f FILE, or mark the block interactive=true");
		}
		if ((program.equals("mysql") || program.equals("mariadb")) && args.stream().noneMatch(a -> a.startsWith("-e")
				|| a.startsWith("--execute") || a.equals("--version") || a.equals("-V"))) {
			return input("'" + program + "' with no -e reads SQL from the terminal",
					"pass the SQL with -e '...' or < FILE, or mark the block interactive=true");
		}
		if ((program.equals("mysql") || program.equals("mariadb") || program.equals("mysqldump"))
				&& (args.contains("-p") || args.contains("--password"))) {
			return input("'-p' with no value asks for the password on the terminal",
					"put the password in ~/.my.cnf or MYSQL_PWD, or mark the block interactive=true");
		}
		if ((program.equals("mongo") || program.equals("mongosh")) && args.stream().noneMatch(a -> a.equals("--eval")
				|| a.endsWith(".js") || a.equals("--file") || a.equals("-f") || a.equals("--version"))) {
			return input("'" + program + "' with no --eval reads commands from the terminal",
					"pass them with --eval '...', or mark the block interactive=true");
		}
		if (program.equals("redis-cli") && args.stream().filter(a -> !a.startsWith("-")).count() <= optionValues(args)) {
			return input("'redis-cli' with no command reads commands from the terminal",
					"pass the command: redis-cli PING, or mark the block interactive=true");
		}
		if (REPLS.contains(program) && args.isEmpty()) {
			return input("'" + program + "' with no script starts an interactive prompt",
					"pass a script or -c '...', or mark the block interactive=true");
		}
		return packageConfirmation(program, args);
	}

	/** {@code apt install x} without {@code -y} asks "Do you want to continue?" and aborts on no answer. */
	private static Hint packageConfirmation(String program, List<String> args) {
		Set<String> asking = switch (program) {
			case "apt", "apt-get" -> Set.of("install", "upgrade", "remove", "purge", "dist-upgrade", "full-upgrade",
					"autoremove");
			case "yum", "dnf", "zypper" -> Set.of("install", "remove", "update", "upgrade", "erase");
			default -> Set.of();
		};
		int verb = firstWord(args);
		if (verb >= args.size() || !asking.contains(args.get(verb))) {
			return null;
		}
		boolean yes = args.stream().anyMatch(a -> a.equals("-y") || a.equals("--yes") || a.equals("--assume-yes")
				|| a.equals("--assumeyes") || a.equals("-qq") || a.equals("-q=2") || a.equals("--non-interactive")
				|| a.startsWith("-") && !a.startsWith("--") && a.indexOf('y') > 0);
		return yes ? null : input("'" + program + " " + args.get(verb) + "' without -y asks to continue on the terminal",
				"add -y");
	}

	/** Whether a command takes a backup: silences the destructive-without-backup warning after it. */
	static boolean isBackup(Command command) {
		for (Word word : command.words()) {
			String text = word.text();
			if (BACKUP_PROGRAMS.contains(SimpleCommands.baseName(text)) || containsIgnoringCase(text, "backup")
					|| containsIgnoringCase(text, "snapshot")) {
				return true;
			}
		}
		return false;
	}

	private static boolean containsIgnoringCase(String text, String lowerCase) {
		for (int i = 0; i + lowerCase.length() <= text.length(); i++) {
			if (text.regionMatches(true, i, lowerCase, 0, lowerCase.length())) {
				return true;
			}
		}
		return false;
	}

	/** An {@code exit} at the top level of the block: not in a function, not in a subshell on its line. */
	static boolean exitsShell(Command command, String blockText, boolean blockDefinesFunctions) {
		List<Word> argv = command.argv();
		if (argv.isEmpty() || !argv.get(0).text().equals("exit") || argv.get(0).quoted() || blockDefinesFunctions) {
			return false;
		}
		int from = Math.max(0, command.start() - SUBSHELL_LOOKBACK);
		String before = blockText.substring(from, command.start());
		before = before.substring(before.lastIndexOf('\n') + 1);
		return before.lastIndexOf('(') <= before.lastIndexOf(')');
	}

	static boolean definesFunctions(String blockText) {
		return (blockText.contains("()") || blockText.contains("function")) && FUNCTION.matcher(blockText).find();
	}

	/** {@code ssh host} with no remote command: opens an interactive session on another host. */
	private static String interactiveSsh(String program, List<String> args) {
		if (!program.equals("ssh")) {
			return null;
		}
		int i = 0;
		while (i < args.size() && args.get(i).startsWith("-")) {
			String option = args.get(i);
			if (option.contains("f") || option.contains("N") && option.length() == 2) {
				return null;
			}
			boolean takesArgument = option.length() == 2 && SSH_OPTIONS_WITH_ARGUMENT.indexOf(option.charAt(1)) >= 0;
			i += takesArgument ? 2 : 1;
		}
		boolean onlyHost = i == args.size() - 1 && !args.get(i).isEmpty();
		return onlyHost ? args.get(i) : null;
	}

	/** The index of the first argument that is not an option (global options with values skipped). */
	private static int firstWord(List<String> args) {
		int i = 0;
		while (i < args.size() && args.get(i).startsWith("-")) {
			String option = args.get(i);
			boolean takesValue = Set.of("-f", "--file", "-p", "--project-name", "-H", "--host", "-c", "--context",
					"-n", "--namespace", "--env-file", "--profile", "-o").contains(option);
			i += takesValue ? 2 : 1;
		}
		return i;
	}

	/** How many words of redis-cli's arguments are option values ({@code -h host -p 6379}). */
	private static long optionValues(List<String> args) {
		return args.stream().filter(a -> Set.of("-h", "-p", "-a", "-n", "-u", "--user", "--pass", "-s").contains(a))
			.count();
	}

	private static String program(List<String> argv) {
		return SimpleCommands.baseName(argv.get(0)).toLowerCase(Locale.ROOT);
	}

	private static List<String> texts(List<Word> words) {
		return words.stream().map(Word::text).toList();
	}

	private static Hint never(String what, String fix) {
		return new Hint("never-ends", what + " and the session waits for it", fix);
	}

	private static Hint input(String what, String fix) {
		return new Hint("waits-for-input", what + "; the session gives it none", fix);
	}

}
