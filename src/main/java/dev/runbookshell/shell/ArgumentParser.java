package dev.runbookshell.shell;

import java.util.List;
import java.util.Locale;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Turns already split words (argv, or a line split by JLine with quotes honoured) into Spring Shell's
 * {@link ParsedInput}, checking every option against what the command declares. Spring Shell's own parser
 * re-splits a joined line on spaces and loses quoting, so it is not used.
 */
final class ArgumentParser {

	private ArgumentParser() {
	}

	static ParsedInput parse(Command command, List<String> words) {
		ParsedInput.Builder builder = ParsedInput.builder().commandName(command.getName());
		int argumentIndex = 0;
		boolean onlyArguments = false;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if (onlyArguments || !word.startsWith("-") || word.equals("-")) {
				builder.addArgument(new CommandArgument(argumentIndex++, word));
				continue;
			}
			if (word.equals("--")) {
				onlyArguments = true;
				continue;
			}
			boolean isLong = word.startsWith("--");
			String body = word.substring(isLong ? 2 : 1);
			String name = body;
			String value = null;
			int eq = body.indexOf('=');
			if (eq >= 0) {
				name = body.substring(0, eq);
				value = body.substring(eq + 1);
			}
			CommandOption declared = find(command, name, isLong);
			if (declared == null) {
				throw CliException.usage("unknown option '" + (isLong ? "--" : "-") + name + "' for '"
						+ command.getName() + "' (see: runbook help " + command.getName() + ")");
			}
			if (value == null) {
				if (isBoolean(declared)) {
					value = "true";
				}
				else if (i + 1 < words.size()) {
					value = words.get(++i);
				}
				else {
					throw CliException.usage("option '--" + declared.longName() + "' of '" + command.getName()
							+ "' needs a value");
				}
			}
			if (isBoolean(declared) && !value.toLowerCase(Locale.ROOT).matches("true|false")) {
				throw CliException.usage("option '--" + declared.longName() + "' takes true or false, not '" + value + "'");
			}
			builder.addOption(CommandOption.with()
				.longName(declared.longName() == null ? "" : declared.longName())
				.shortName(declared.shortName())
				.value(value)
				.type(declared.type())
				.build());
		}
		return builder.build();
	}

	private static CommandOption find(Command command, String name, boolean isLong) {
		for (CommandOption option : command.getOptions()) {
			if (isLong && name.equals(option.longName())) {
				return option;
			}
			if (!isLong && name.length() == 1 && option.shortName() == name.charAt(0)) {
				return option;
			}
		}
		return null;
	}

	private static boolean isBoolean(CommandOption option) {
		return option.type() == boolean.class || option.type() == Boolean.class;
	}

}
