package dev.runbookshell.journal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One event of the migration journal. On disk each event is one JSON line:
 * {@code {"seq":N,"at":"<ISO-8601 UTC>","type":"<type>","prev":"<sha256 of previous line>", ...fields}}, the
 * fields being the record components below. Secret values never reach an event: callers mask them first
 * ({@link SecretMasker}).
 */
public sealed interface JournalEvent {

	/** The {@code type} written to the journal. */
	String type();

	/** Identifies a block across runs: id, name and content hash. */
	record BlockRef(String id, String name, String hash) {
	}

	/** The runbook a session ran. */
	record RunbookRef(String path, String sha256, String title) {
	}

	/** The target a session ran on; the fingerprint is the host key, container id or local host. */
	record TargetRef(String name, String uri, String fingerprint) {
	}

	/** The tool that wrote the journal. */
	record ToolRef(String name, String version) {
	}

	/** The result of one expectation on a block's output. */
	record ExpectationResult(String text, boolean met) {
	}

	/**
	 * {@code session-started}. Mode is who answered: interactive, yes, answers, replay (ansible for an
	 * imported journal). Sections (optional, may be null) maps
	 * each section number ({@code "4.1"}) to its heading, so reports can title the groups of blocks. Cutover
	 * (optional, null when the runbook marks none) lists the ids of the blocks annotated {@code cutover=true}, so a
	 * comparison of two runs can time the downtime window without guessing from names.
	 */
	record SessionStarted(RunbookRef runbook, TargetRef target, String operator, String host, ToolRef tool,
			RunMode mode, Map<String, String> sections, List<String> cutover) implements JournalEvent {

		@Override
		public String type() {
			return "session-started";
		}
	}

	/**
	 * {@code decision}: what the operator (or the answers file, or the replayed log) chose for a block; text is the
	 * edited command for edit and edit-retry.
	 */
	record Decision(BlockRef block, DecisionChoice choice, String text) implements JournalEvent {
		@Override
		public String type() {
			return "decision";
		}
	}

	/**
	 * Where the target records a running block: its marker file there, the shell's pid (its process group) and
	 * the token the marker holds for this run of the block. A resumed run asks the target about it.
	 */
	record TargetMarker(String file, long pid, String token) {
	}

	/**
	 * A command of a block that failed (bash ERR-trap meaning).
	 *
	 * @param line the runbook line of the command
	 * @param exitCode its exit status
	 * @param command its text (masked), or "" when the shell cannot tell
	 */
	record FailedCommand(int line, int exitCode, String command) {

		/** {@code 127 (command not found)}: the exit code with what it usually means. */
		public String exitText() {
			return switch (this.exitCode) {
				case 126 -> "126 (not executable)";
				case 127 -> "127 (command not found)";
				case 130 -> "130 (interrupted)";
				default -> this.exitCode > 128 && this.exitCode < 160 ? this.exitCode + " (killed by signal "
						+ (this.exitCode - 128) + ")" : String.valueOf(this.exitCode);
			};
		}

		/** {@code deploy.md:57: `docker --version` exited 127 (command not found)}. */
		public String describe(String file) {
			return file + ":" + this.line + ": " + (this.command == null || this.command.isEmpty() ? "a command"
					: "`" + this.command + "`") + " exited " + exitText();
		}

	}

	/**
	 * The shell's state at a block's end, as blocks made it: working directory, exported variables and functions
	 * (masked; a variable that holds or is named like a secret is left out and only named in withheld). Written
	 * when it changed; a resumed run re-creates the last one.
	 *
	 * @param functionsKnown false where the shell cannot list its functions (busybox sh)
	 */
	record ShellSnapshot(String cwd, Map<String, String> exports, Map<String, String> functions,
			List<String> withheld, boolean functionsKnown) {

		// the same as the record's own equals, written out: each block's snapshot is compared with the last one,
		// and the generated equals (method-handle combinators) costs several times more until the JIT compiles it
		@Override
		public boolean equals(Object other) {
			return other instanceof ShellSnapshot that && this.functionsKnown == that.functionsKnown
					&& Objects.equals(this.cwd, that.cwd) && Objects.equals(this.exports, that.exports)
					&& Objects.equals(this.functions, that.functions) && Objects.equals(this.withheld, that.withheld);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.cwd, this.exports, this.functions, this.withheld, this.functionsKnown);
		}

	}

	/**
	 * {@code block-started}: the command exactly as sent (masked), and where the target records that the block
	 * runs (null when it records nothing).
	 */
	record BlockStarted(BlockRef block, String command, TargetMarker marker) implements JournalEvent {

		public BlockStarted(BlockRef block, String command) {
			this(block, command, null);
		}

		@Override
		public String type() {
			return "block-started";
		}
	}

	/**
	 * {@code block-finished}. Output is masked and at most 64 KiB; when longer, the whole masked output is in the
	 * side file named by outputFile (relative to the journal's folder), else outputFile is null. failedCommands
	 * lists the block's failed commands (at most 100; failedCount counts them all), both null when none failed;
	 * shell is the shell's state when it changed, else null.
	 */
	record BlockFinished(BlockRef block, BlockStatus status, Integer exitCode, long durationMs, String output,
			String outputFile, List<ExpectationResult> expectations, List<FailedCommand> failedCommands,
			Integer failedCount, ShellSnapshot shell) implements JournalEvent {

		public BlockFinished(BlockRef block, BlockStatus status, Integer exitCode, long durationMs, String output,
				String outputFile, List<ExpectationResult> expectations) {
			this(block, status, exitCode, durationMs, output, outputFile, expectations, null, null, null);
		}

		/** The failed commands, empty when none failed. */
		public List<FailedCommand> failures() {
			return this.failedCommands == null ? List.of() : this.failedCommands;
		}

		/** How many commands failed in all. */
		public int failureCount() {
			return this.failedCount == null ? failures().size() : this.failedCount;
		}

		@Override
		public String type() {
			return "block-finished";
		}
	}

	/** {@code variable-set}: secret values are written as {@code ****}. */
	record VariableSet(String name, String value, boolean secret) implements JournalEvent {
		@Override
		public String type() {
			return "variable-set";
		}
	}

	/** {@code check}: a checklist item ticked (checked), refused (unchecked) or left unverified, with a note. */
	record Check(int line, String text, String section, CheckState result, String note) implements JournalEvent {
		@Override
		public String type() {
			return "check";
		}
	}

	/** {@code note}: free text from the operator, attached to the current block when there is one. */
	record Note(String text, BlockRef block) implements JournalEvent {
		@Override
		public String type() {
			return "note";
		}
	}

	/** {@code session-resumed}: blocks that were in flight when the previous process died were marked unknown. */
	record SessionResumed(String operator, String host, RunMode mode, List<String> unknownBlocks)
			implements JournalEvent {
		@Override
		public String type() {
			return "session-resumed";
		}
	}

	/** {@code session-finished}: overall status (succeeded, failed, stopped, interrupted) and counts by status. */
	record SessionFinished(SessionStatus status, Map<String, Integer> counts) implements JournalEvent {
		@Override
		public String type() {
			return "session-finished";
		}
	}

}
