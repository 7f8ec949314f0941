package dev.runbookshell.targets;

import java.time.Duration;
import java.util.Map;

/**
 * One block to run.
 *
 * @param label how the block is named in messages ({@code 4.1.2 backup-db})
 * @param script the shell text to run, as the operator would type it
 * @param timeout when to give up and interrupt, or null for no limit
 * @param interactive true to leave the block's stdin attached (otherwise it reads /dev/null)
 * @param exports variables exported into the shell before the script runs, safely quoted by the target
 */
public record ExecRequest(String label, String script, Duration timeout, boolean interactive,
		Map<String, String> exports) {

	public ExecRequest {
		exports = Map.copyOf(exports);
	}

	public static ExecRequest of(String label, String script) {
		return new ExecRequest(label, script, null, false, Map.of());
	}

}
