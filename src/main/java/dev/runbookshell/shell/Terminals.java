package dev.runbookshell.shell;

import java.lang.reflect.Method;

import org.jline.terminal.Terminal;


/** Whether someone can answer at a terminal, and what answers when nobody can. */
final class Terminals {

	private Terminals() {
	}

	/**
	 * Makes Ctrl-C at {@code terminal} reach the running block during a one-shot {@code run}: building the JLine
	 * terminal put SIGINT back to its default, which ends the JVM, undoing {@link OneShotSignals}. Inside the
	 * interactive shell, which relays Ctrl-C already, its handler stays.
	 */
	static void relayInterrupts(Terminal terminal, InterruptRelay relay) {
		Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
			if (!relay.fire()) {
				Runtime.getRuntime().halt(ExitCode.INTERRUPTED.code());
			}
		});
		if (previous != Terminal.SignalHandler.SIG_DFL) {
			terminal.handle(Terminal.Signal.INT, previous);
		}
	}

	/**
	 * True when stdin and stdout are a terminal. On Java 17 {@link System#console()} is null otherwise; from Java
	 * 22 it always exists and {@code Console.isTerminal()} tells.
	 */
	static boolean stdinIsTerminal() {
		java.io.Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			Method isTerminal = console.getClass().getMethod("isTerminal");
			return (Boolean) isTerminal.invoke(console);
		}
		catch (ReflectiveOperationException ex) {
			return true; // Java 17 to 21: a console exists only for a terminal
		}
	}

}
