package dev.runbookshell.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.runbookshell.runbook.DestructiveCommands.Kind;
import dev.runbookshell.runbook.DestructiveCommands.Risk;
import dev.runbookshell.runbook.SimpleCommands.Command;
import dev.runbookshell.runbook.SimpleCommands.Redirect;
import dev.runbookshell.runbook.SimpleCommands.Word;

/** The rules of {@link DestructiveCommands}, one simple command at a time, by program and arguments. */
final class DestructiveRules {

	private static final int MAX_SHOWN = 60;

	private static final Set<String> STOPPING_VERBS = Set.of("stop", "disable", "mask", "kill", "isolate", "reboot",
			"poweroff", "halt");

	private static final Set<String> DEVICES_THAT_KEEP_NOTHING = Set.of("/dev/null", "/dev/stdout", "/dev/stderr",
			"/dev/zero");

	private DestructiveRules() {
	}

	/** The risk of one command (its line is 0: the caller knows where the command stands). */
	static Optional<Risk> check(Command command) {
		List<Word> argv = command.argv();
		Risk risk = anywhere(command);
		if (risk == null && !argv.isEmpty()) {
			risk = byProgram(command.program().toLowerCase(Locale.ROOT), argv);
		}
		if (risk == null) {
			risk = etcRedirect(command);
		}
		if (risk == null && argv.stream().anyMatch(w -> w.text().equals("--force") || w.text().startsWith("--force="))) {
			risk = risk(Kind.FORCE, "--force (" + shown(argv, 0) + ")");
		}
		return Optional.ofNullable(risk);
	}

	/**
	 * {@code rm} found anywhere in the words, {@code find -exec rm -rf}, {@code docker exec app rm -rf}: the first
	 * one only, so that a command of many words is read once.
	 */
	private static Risk anywhere(Command command) {
		List<Word> words = command.words();
		for (int i = 0; i < words.size(); i++) {
			if (!words.get(i).quoted() && SimpleCommands.baseName(words.get(i).text()).equals("rm")) {
				return rm(words.subList(i, words.size()));
			}
		}
		return null;
	}

	private static Risk rm(List<Word> argv) {
		boolean recursive = false;
		String etcFile = null;
		for (Word word : argv.subList(1, argv.size())) {
			String w = word.text();
			if (w.equals("--")) {
				continue;
			}
			if (w.startsWith("--")) {
				recursive |= w.equals("--recursive");
			}
			else if (w.startsWith("-") && w.length() > 1) {
				recursive |= w.indexOf('r') > 0 || w.indexOf('R') > 0;
			}
			else if (etcFile == null && underEtc(w)) {
				etcFile = w;
			}
		}
		if (recursive) {
			return risk(Kind.DATA, shown(argv, 0));
		}
		return etcFile == null ? null : risk(Kind.CONFIG, "deletes " + etcFile + " (rm)");
	}

	private static Risk byProgram(String program, List<Word> argv) {
		List<String> args = argv.stream().skip(1).map(Word::text).toList();
		return switch (program) {
			case "dropdb", "dropuser", "userdel", "groupdel", "shred", "mkswap", "sgdisk", "wipefs" ->
				program.equals("wipefs") && !args.contains("-a") && !args.contains("--all") ? null
						: risk(Kind.DATA, shown(argv, 0));
			case "fdisk", "sfdisk" -> args.contains("-l") || args.contains("--list") || args.contains("-d") ? null
					: risk(Kind.DATA, "partitioning (" + shown(argv, 0) + ")");
			case "parted" -> args.stream().anyMatch(a -> Set.of("mklabel", "mkpart", "rm", "resizepart").contains(a))
					? risk(Kind.DATA, "partitioning (" + shown(argv, 0) + ")") : null;
			case "dd" -> dd(args);
			case "truncate" -> risk(Kind.DATA, shown(argv, 0));
			case "find" -> args.contains("-delete") ? risk(Kind.DATA, shown(argv, 0)) : null;
			case "rsync" -> rsync(argv, args);
			case "sed", "perl" -> inPlace(program, args);
			case "tee" -> args.stream().filter(DestructiveRules::underEtc).findFirst()
				.map(file -> risk(Kind.CONFIG, "write to " + file + " (tee)")).orElse(null);
			case "cp", "install", "ln" -> intoEtc(program, args);
			case "mv" -> {
				Risk into = intoEtc(program, args);
				yield into != null ? into : outOfEtc(args);
			}
			case "systemctl" -> systemctl(argv, args);
			case "service" -> args.size() >= 2 && STOPPING_VERBS.contains(args.get(1))
					? risk(Kind.SERVICE, shown(argv, 0)) : null;
			case "docker", "podman", "nerdctl" -> ContainerRules.docker(argv, args);
			case "docker-compose", "podman-compose" -> ContainerRules.compose(argv, args, 0);
			case "kubectl", "oc" -> ContainerRules.kubectl(argv, args);
			case "helm" -> first(args).filter(v -> v.equals("uninstall") || v.equals("delete"))
				.map(v -> risk(Kind.DATA, shown(argv, 0))).orElse(null);
			case "git" -> git(argv, args);
			case "terraform", "tofu" -> first(args).filter(v -> v.equals("destroy"))
				.map(v -> risk(Kind.DATA, shown(argv, 0))).orElse(null);
			case "aws", "gcloud", "az", "gsutil" -> cloud(argv, args);
			case "apt", "apt-get", "yum", "dnf", "zypper", "apk" -> first(args)
				.filter(v -> Set.of("remove", "purge", "autoremove", "erase", "del").contains(v))
				.map(v -> risk(Kind.SERVICE, "removes packages (" + shown(argv, 0) + ")")).orElse(null);
			case "reboot", "shutdown", "poweroff", "halt" -> risk(Kind.SERVICE, shown(argv, 0));
			case "init", "telinit" -> args.contains("0") || args.contains("6") ? risk(Kind.SERVICE, shown(argv, 0)) : null;
			case "pkill", "killall" -> risk(Kind.SERVICE, shown(argv, 0));
			case "iptables", "ip6tables" -> args.stream().anyMatch(a -> a.equals("-F") || a.equals("--flush")
					|| a.equals("-X") || a.equals("-P")) ? risk(Kind.CONFIG, "firewall rules (" + shown(argv, 0) + ")")
							: null;
			case "nft" -> args.contains("flush") ? risk(Kind.CONFIG, "firewall rules (" + shown(argv, 0) + ")") : null;
			case "ufw" -> first(args).filter(v -> v.equals("disable") || v.equals("reset"))
				.map(v -> risk(Kind.CONFIG, "firewall (" + shown(argv, 0) + ")")).orElse(null);
			case "crontab" -> args.contains("-r") ? risk(Kind.DATA, "removes the crontab (" + shown(argv, 0) + ")")
					: null;
			default -> program.startsWith("mkfs") || program.equals("mke2fs") ? risk(Kind.DATA, shown(argv, 0)) : null;
		};
	}

	private static Risk dd(List<String> args) {
		for (String arg : args) {
			if (arg.startsWith("of=/dev/") && !DEVICES_THAT_KEEP_NOTHING.contains(arg.substring(3))) {
				return risk(Kind.DATA, "dd onto " + arg.substring(3));
			}
		}
		return null;
	}

	private static Risk rsync(List<Word> argv, List<String> args) {
		return args.stream().anyMatch(a -> a.startsWith("--delete") || a.equals("--remove-source-files"))
				? risk(Kind.DATA, "rsync --delete (" + shown(argv, 0) + ")") : null;
	}

	/** {@code sed -i}, {@code sed --in-place}, {@code perl -pi -e} on a file under /etc. */
	private static Risk inPlace(String program, List<String> args) {
		boolean inPlace = false;
		String file = null;
		for (String arg : args) {
			if (arg.startsWith("--in-place") || arg.startsWith("-") && !arg.startsWith("--") && arg.indexOf('i') > 0) {
				inPlace = true;
			}
			else if (file == null && underEtc(arg)) {
				file = arg;
			}
		}
		return inPlace && file != null ? risk(Kind.CONFIG, "in-place edit of " + file + " (" + program + " -i)") : null;
	}

	/** The destination of cp, mv, install or ln: the last argument, or the one after {@code -t}. */
	private static Risk intoEtc(String program, List<String> args) {
		String destination = null;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if ((arg.equals("-t") || arg.equals("--target-directory")) && i + 1 < args.size()) {
				destination = args.get(i + 1);
				break;
			}
			if (arg.startsWith("--target-directory=")) {
				destination = arg.substring(arg.indexOf('=') + 1);
				break;
			}
			if (!arg.startsWith("-")) {
				destination = arg;
			}
		}
		boolean twoOrMore = args.stream().filter(a -> !a.startsWith("-")).count() >= 2;
		return destination != null && underEtc(destination) && (twoOrMore || args.contains("-t"))
				? risk(Kind.CONFIG, "overwrites " + destination + " (" + program + ")") : null;
	}

	/** A file {@code mv} takes away from under /etc: gone from there, as with {@code rm}. */
	private static Risk outOfEtc(List<String> args) {
		List<String> operands = new ArrayList<>();
		boolean targetGiven = false;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("-t") || arg.equals("--target-directory")) {
				targetGiven = true;
				i++;
			}
			else if (arg.startsWith("--target-directory=")) {
				targetGiven = true;
			}
			else if (!arg.startsWith("-")) {
				operands.add(arg);
			}
		}
		List<String> sources = targetGiven || operands.isEmpty() ? operands : operands.subList(0, operands.size() - 1);
		return sources.stream().filter(DestructiveRules::underEtc).findFirst()
			.map(file -> risk(Kind.CONFIG, "moves " + file + " away from /etc (mv)")).orElse(null);
	}

	private static Risk systemctl(List<Word> argv, List<String> args) {
		return first(args).filter(STOPPING_VERBS::contains).map(v -> risk(Kind.SERVICE, shown(argv, 0))).orElse(null);
	}

	private static Risk git(List<Word> argv, List<String> args) {
		int at = 0;
		while (at < args.size() && args.get(at).startsWith("-")) {
			at += args.get(at).equals("-C") || args.get(at).equals("-c") ? 2 : 1;
		}
		if (at >= args.size()) {
			return null;
		}
		List<String> rest = args.subList(at + 1, args.size());
		boolean risky = switch (args.get(at)) {
			case "push" -> rest.stream().anyMatch(a -> a.equals("-f") || a.startsWith("--force") || a.equals("--delete")
					|| a.equals("-d") || a.startsWith("+") || a.startsWith(":") && a.length() > 1);
			case "reset" -> rest.contains("--hard");
			case "clean" -> rest.stream().anyMatch(a -> a.startsWith("-") && !a.startsWith("--") && a.indexOf('f') > 0
					|| a.equals("--force"));
			case "branch" -> rest.contains("-D");
			default -> false;
		};
		return risky ? risk(Kind.DATA, shown(argv, 0)) : null;
	}

	/** {@code aws s3 rm|rb}, {@code aws rds delete-db-instance}, {@code gcloud ... delete}, {@code gsutil rm}. */
	private static Risk cloud(List<Word> argv, List<String> args) {
		boolean deletes = args.stream().anyMatch(a -> a.startsWith("delete") || a.equals("rm") || a.equals("rb")
				|| a.equals("terminate-instances") || a.equals("--delete"));
		return deletes ? risk(Kind.DATA, shown(argv, 0)) : null;
	}

	/** {@code > /etc/x}, {@code >> /etc/x}, {@code &> /etc/x}. */
	private static Risk etcRedirect(Command command) {
		for (Redirect redirect : command.redirects()) {
			if (redirect.operator().contains(">") && !redirect.operator().contains("&") || redirect.operator().equals("&>")
					|| redirect.operator().equals("&>>")) {
				if (underEtc(redirect.target().text())) {
					return risk(Kind.CONFIG, "write to " + redirect.target().text() + " (" + redirect.operator() + ")");
				}
			}
		}
		return null;
	}

	private static Optional<String> first(List<String> args) {
		return args.stream().filter(a -> !a.startsWith("-")).findFirst();
	}

	private static boolean underEtc(String path) {
		return path.startsWith("/etc/") && path.length() > 5;
	}

	static Risk risk(Kind kind, String what) {
		return new Risk(kind, what, 0);
	}

	/** The command's words from {@code from}, clipped for one line. */
	static String shown(List<Word> argv, int from) {
		StringBuilder text = new StringBuilder();
		for (Word word : argv.subList(from, argv.size())) {
			if (text.length() > 0) {
				text.append(' ');
			}
			text.append(word.text().indexOf(' ') >= 0 ? "'" + word.text() + "'" : word.text());
			if (text.length() > MAX_SHOWN) {
				return text.substring(0, MAX_SHOWN - 1) + "…";
			}
		}
		return text.toString();
	}

}
