package dev.runbookshell.shell;

import java.nio.file.Path;

/** Where stack traces go: the file named by RUNBOOK_DEBUG_LOG, else ~/.runbook-shell/debug.log. */
final class DebugLog {

	private DebugLog() {
	}

	static Path location() {
		String override = System.getenv("RUNBOOK_DEBUG_LOG");
		if (override != null && !override.isBlank()) {
			return Path.of(override);
		}
		return Path.of(System.getProperty("user.home"), ".runbook-shell", "debug.log");
	}

}
