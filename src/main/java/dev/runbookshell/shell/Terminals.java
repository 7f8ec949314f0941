package dev.runbookshell.shell;

import java.lang.reflect.Method;


/** Whether someone can answer at a terminal, and what answers when nobody can. */
final class Terminals {

	private Terminals() {
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
