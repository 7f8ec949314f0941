package dev.runbookshell.config;

import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Logging for a command-line tool: nothing on the console (stdout carries command output, stderr one-line
 * errors), everything worth keeping, stack traces included, appended to a debug log file that is opened only
 * when something is logged. Set up before Spring starts; Spring's own logging system is switched off because
 * configuring logback took a quarter of a one-shot command's start-up.
 */
public final class DebugLogging {

	private DebugLogging() {
	}

	/** The debug log: $RUNBOOK_DEBUG_LOG, else ~/.runbook-shell/debug.log. */
	public static Path location() {
		String override = System.getenv("RUNBOOK_DEBUG_LOG");
		if (override != null && !override.isBlank()) {
			return Path.of(override);
		}
		return Path.of(System.getProperty("user.home"), ".runbook-shell", "debug.log");
	}

	/**
	 * Routes java.util.logging (and SLF4J through it) to the debug log; RUNBOOK_DEBUG=1 logs everything. An
	 * exception that ends a thread goes there too rather than to stderr: library threads (docker-java's stdin
	 * copier when a container dies) throw what we cannot catch, and the session learns of the failure anyway.
	 */
	public static void install() {
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		LogManager.getLogManager().reset();
		Logger root = Logger.getLogger("");
		boolean verbose = "1".equals(System.getenv("RUNBOOK_DEBUG"));
		root.setLevel(verbose ? Level.ALL : Level.WARNING);
		Handler handler = new LazyFileHandler(location());
		handler.setLevel(Level.ALL);
		root.addHandler(handler);
		Logger.getLogger("dev.runbookshell").setLevel(Level.FINE);
		Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> Logger.getLogger(DebugLogging.class.getName())
			.log(Level.WARNING, "thread " + thread.getName() + " ended with an uncaught exception", failure));
	}

}
