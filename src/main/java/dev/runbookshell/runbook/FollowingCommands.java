package dev.runbookshell.runbook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.runbookshell.runbook.SimpleCommands.Command;
import dev.runbookshell.runbook.SimpleCommands.Word;

/**
 * The one list of commands that follow output until someone stops them: {@code tail -f} ({@code -F},
 * {@code --follow}, {@code -100f}), {@code journalctl -f}, any {@code ... logs -f} ({@code docker}, {@code kubectl},
 * {@code docker compose}) and {@code watch}. Lint says how to bound them; a run stops one by Ctrl-C or its timeout
 * as stopped, not failed. Read by program and arguments ({@link SimpleCommands}), so a comment, a quoted string or
 * a here-document that mentions one is not one.
 */
public final class FollowingCommands {

	/** Which kind of follower a command is. */
	public enum Follower {
		TAIL, LOGS, JOURNALCTL, WATCH
	}

	private FollowingCommands() {
	}

	/** Whether any simple command of {@code text} follows output. */
	public static boolean anyIn(String text) {
		return SimpleCommands.of(text).commands().stream().anyMatch(command -> of(command).isPresent());
	}

	/** The kind of follower {@code command} is, if it is one. */
	public static Optional<Follower> of(Command command) {
		List<String> argv = command.argv().stream().map(Word::text).toList();
		if (argv.isEmpty()) {
			return Optional.empty();
		}
		String program = SimpleCommands.baseName(argv.get(0)).toLowerCase(Locale.ROOT);
		List<String> args = argv.subList(1, argv.size());
		if (program.equals("tail") && args.stream().anyMatch(a -> tailFollows(a) || a.startsWith("--follow"))) {
			return Optional.of(Follower.TAIL);
		}
		int logs = argv.indexOf("logs");
		if (logs > 0 && argv.subList(logs + 1, argv.size()).stream()
			.anyMatch(a -> SimpleCommands.shortOption(a, 'f') || a.equals("--follow"))) {
			return Optional.of(Follower.LOGS);
		}
		if (program.equals("journalctl")
				&& args.stream().anyMatch(a -> SimpleCommands.shortOption(a, 'f') || a.equals("--follow"))) {
			return Optional.of(Follower.JOURNALCTL);
		}
		return program.equals("watch") ? Optional.of(Follower.WATCH) : Optional.empty();
	}

	/** {@code -f}, {@code -F}, {@code -qf}, and tail's old form with a count, {@code -100f}. */
	private static boolean tailFollows(String arg) {
		return arg.length() > 1 && arg.charAt(0) == '-' && arg.charAt(1) != '-'
				&& (arg.indexOf('f') > 0 || arg.indexOf('F') > 0)
				&& arg.chars().skip(1).allMatch(Character::isLetterOrDigit);
	}

}
