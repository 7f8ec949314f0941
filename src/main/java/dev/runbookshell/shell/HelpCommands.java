package dev.runbookshell.shell;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.stereotype.Component;

/** {@code help} and {@code help COMMAND}: sorted, grouped, with each command's options. */
@Component
public class HelpCommands {

	@org.springframework.shell.core.command.annotation.Command(name = "help", group = "Shell",
			description = "List the commands, or show one command's options")
	public String help(@Argument(index = 0, description = "command name") String name, CommandContext context) {
		if (name != null && !name.isBlank()) {
			Command command = context.commandRegistry().getCommandByName(name);
			if (command == null) {
				throw CliException.usage("unknown command '" + name + "' (see: runbook help)");
			}
			return describe(command);
		}
		Map<String, List<Command>> groups = context.commandRegistry()
			.getCommands()
			.stream()
			.filter(c -> !c.isHidden())
			.collect(Collectors.groupingBy(Command::getGroup, TreeMap::new, Collectors.toList()));
		StringBuilder text = new StringBuilder("Commands (run 'help NAME' for a command's options):\n");
		groups.forEach((group, commands) -> {
			text.append('\n').append(group.isBlank() ? "Other" : group).append('\n');
			commands.stream()
				.sorted(Comparator.comparing(Command::getName))
				.forEach(c -> text.append(String.format("  %-10s %s%n", c.getName(), c.getDescription())));
			if (group.equals("Shell")) {
				// exit is handled by the interactive loop itself, so it is not a registered command
				text.append(String.format("  %-10s %s%n", "exit", "Leave the interactive shell (also Ctrl-D)"));
			}
		});
		text.append("\nExit codes: 0 done, 1 a block failed, 2 bad input or usage, 3 target unreachable or refused, "
				+ "130 interrupted.");
		return text.toString();
	}

	private static String describe(Command command) {
		StringBuilder text = new StringBuilder(command.getName()).append(" - ").append(command.getDescription());
		if (command.getHelp() != null && !command.getHelp().isBlank()) {
			text.append("\n\n").append(command.getHelp());
		}
		if (!command.getOptions().isEmpty()) {
			text.append("\n\nOptions:");
			for (CommandOption option : command.getOptions()) {
				text.append(String.format("%n  --%-16s %s", option.longName(),
						option.description() == null ? "" : option.description()));
			}
		}
		return text.toString();
	}

}
