package dev.runbookshell.runbook;

import java.util.List;
import java.util.Set;

import dev.runbookshell.runbook.DestructiveCommands.Kind;
import dev.runbookshell.runbook.DestructiveCommands.Risk;
import dev.runbookshell.runbook.SimpleCommands.Word;

/** The {@link DestructiveRules} for containers and clusters: docker, podman, compose, kubectl. */
final class ContainerRules {

	/** Global options of docker, compose and kubectl that take a value: the next word is not the subcommand. */
	private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-H", "--host", "-c", "--context", "--config", "-l",
			"--log-level", "-f", "--file", "-p", "--project-name", "--env-file", "--profile", "--project-directory",
			"-n", "--namespace", "--kubeconfig", "--cluster", "--user", "-s", "--server");

	static Risk docker(List<Word> argv, List<String> args) {
		int at = subcommand(args, 0);
		if (at >= args.size()) {
			return null;
		}
		String verb = args.get(at);
		String object = at + 1 < args.size() ? args.get(at + 1) : "";
		return switch (verb) {
			case "compose" -> compose(argv, args, at + 1);
			case "rm", "rmi", "stop", "kill" -> DestructiveRules.risk(Kind.SERVICE, DestructiveRules.shown(argv, 0));
			case "volume" -> object.equals("rm") || object.equals("prune") ? DestructiveRules.risk(Kind.DATA, DestructiveRules.shown(argv, 0)) : null;
			case "system" -> object.equals("prune") ? DestructiveRules.risk(Kind.DATA, DestructiveRules.shown(argv, 0)) : null;
			case "container", "image", "network", "service", "stack", "secret", "config" ->
				Set.of("rm", "prune", "stop", "kill").contains(object) ? DestructiveRules.risk(Kind.SERVICE, DestructiveRules.shown(argv, 0)) : null;
			case "swarm" -> object.equals("leave") ? DestructiveRules.risk(Kind.SERVICE, DestructiveRules.shown(argv, 0)) : null;
			default -> null;
		};
	}

	static Risk compose(List<Word> argv, List<String> args, int from) {
		int at = subcommand(args, from);
		if (at >= args.size()) {
			return null;
		}
		List<String> rest = args.subList(at + 1, args.size());
		return switch (args.get(at)) {
			case "down" -> rest.contains("-v") || rest.contains("--volumes")
					? DestructiveRules.risk(Kind.DATA, "deletes volumes (" + DestructiveRules.shown(argv, 0) + ")") : DestructiveRules.risk(Kind.SERVICE, DestructiveRules.shown(argv, 0));
			case "rm", "stop", "kill" -> DestructiveRules.risk(Kind.SERVICE, DestructiveRules.shown(argv, 0));
			default -> null;
		};
	}

	static Risk kubectl(List<Word> argv, List<String> args) {
		int at = subcommand(args, 0);
		if (at >= args.size()) {
			return null;
		}
		return switch (args.get(at)) {
			case "delete" -> DestructiveRules.risk(Kind.DATA, DestructiveRules.shown(argv, 0));
			case "drain", "cordon" -> DestructiveRules.risk(Kind.SERVICE, DestructiveRules.shown(argv, 0));
			case "scale" -> args.contains("--replicas=0") ? DestructiveRules.risk(Kind.SERVICE, DestructiveRules.shown(argv, 0)) : null;
			default -> null;
		};
	}

	/** The index of the first word that is not an option (or an option's value) from {@code from} on. */
	private static int subcommand(List<String> args, int from) {
		int at = from;
		while (at < args.size() && args.get(at).startsWith("-")) {
			at += OPTIONS_WITH_VALUE.contains(args.get(at)) ? 2 : 1;
		}
		return at;
	}

	private ContainerRules() {
	}

}
