package dev.runbookshell.targets;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One block to run.
 *
 * @param label how the block is named in messages ({@code 4.1.2 backup-db})
 * @param script the shell text to run, as the operator would type it
 * @param timeout when to give up and interrupt, or null for no limit
 * @param interactive true to leave the block's stdin attached (otherwise it reads /dev/null)
 * @param exports variables exported into the shell before the script runs, safely quoted by the target
 * @param origin where the script's first line is in the runbook, or null: the shell then numbers lines from 1
 * @param failures which exit codes are failures and whether the block stops at the first failed command
 * @param cwd the folder to run the block in (the shell returns to where it was afterwards), or null
 */
public record ExecRequest(String label, String script, Duration timeout, boolean interactive,
		Map<String, String> exports, Origin origin, FailureRule failures, String cwd) {

	public ExecRequest {
		exports = Map.copyOf(exports);
		failures = failures == null ? FailureRule.STOP : failures;
	}

	public ExecRequest(String label, String script, Duration timeout, boolean interactive,
			Map<String, String> exports) {
		this(label, script, timeout, interactive, exports, null, FailureRule.STOP, null);
	}

	public static ExecRequest of(String label, String script) {
		return new ExecRequest(label, script, null, false, Map.of());
	}

	/**
	 * Where a script comes from, so that the shell's own error lines and the failed commands name runbook lines.
	 *
	 * @param file the runbook's file name as messages show it
	 * @param firstLine the runbook line of the script's first line (2 or more: a fence comes before)
	 */
	public record Origin(String file, int firstLine) {
	}

	/**
	 * How failed commands are judged (bash ERR-trap meaning, see {@link FailedCommand}).
	 *
	 * @param stopAtFirst true to end the block at its first failed command (the default); false keeps terminal
	 * semantics: every failed command is reported and the block goes on
	 * @param accepted exit codes that are not failures ({@code exit=0,1}); 0 always is
	 */
	public record FailureRule(boolean stopAtFirst, Set<Integer> accepted) {

		/** Stop at the first command that exits non-zero. */
		public static final FailureRule STOP = new FailureRule(true, Set.of(0));

		public FailureRule {
			Set<Integer> codes = new TreeSet<>(accepted);
			codes.add(0);
			accepted = Set.copyOf(codes);
		}

	}

}
