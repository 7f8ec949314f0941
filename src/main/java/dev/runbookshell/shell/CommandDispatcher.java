package dev.runbookshell.shell;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.stereotype.Component;

/**
 * Runs one command from its words and turns every outcome into an exit code: the one place where an exception
 * becomes a one-line message. Stack traces go to the debug log only.
 */
@Component
public class CommandDispatcher {

	private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);

	private final CommandRegistry registry;

	private final FailureTranslator translator;

	public CommandDispatcher(CommandRegistry registry, FailureTranslator translator) {
		this.registry = registry;
		this.translator = translator;
	}

	/**
	 * Runs {@code words} (command name first) and returns the exit code; errors are printed to {@code err}.
	 */
	public ExitCode dispatch(List<String> words, PrintWriter out, PrintWriter err, InputReader input) {
		if (words.isEmpty()) {
			return ExitCode.OK;
		}
		Command command = resolve(words.get(0));
		if (command == null) {
			err.println("error: unknown command '" + words.get(0) + "' (see: runbook help)");
			err.flush();
			return ExitCode.USAGE;
		}
		try {
			ParsedInput parsed = ArgumentParser.parse(command, words.subList(1, words.size()));
			ExitStatus status = command.execute(new CommandContext(parsed, this.registry, out, input));
			out.flush();
			return status.code() == ExitStatus.OK.code() ? ExitCode.OK : ExitCode.USAGE;
		}
		catch (Exception ex) {
			out.flush();
			CliException failure = this.translator.translate(unwrap(ex));
			if (failure.exitCode() != ExitCode.OK) {
				err.println("error: " + failure.getMessage());
			}
			err.flush();
			log.debug("command '{}' ended with {}", String.join(" ", words), failure.exitCode(), ex);
			return failure.exitCode();
		}
	}

	/** The registered command called {@code name}, by name or alias, or null. */
	public Command resolve(String name) {
		Command command = this.registry.getCommandByName(name);
		return command != null ? command : this.registry.getCommandByAlias(name);
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable current = ex;
		while ((current instanceof InvocationTargetException
				|| current.getClass().getName().startsWith("org.springframework.shell")) && current.getCause() != null
				&& current.getCause() != current) {
			current = current.getCause();
		}
		return current;
	}

}
