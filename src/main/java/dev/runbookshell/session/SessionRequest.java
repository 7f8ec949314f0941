package dev.runbookshell.session;

import java.nio.file.Path;

import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.targets.TargetDefinition;
import dev.runbookshell.targets.TargetPrompts;

/**
 * One session to assemble ({@link SessionAssembly#open}): for a fleet, one per host.
 *
 * @param runbook the parsed runbook
 * @param target the target to open
 * @param settings how the session runs; {@link SessionSettings#resume()} names the journal to continue
 * @param confirmer who answers the questions
 * @param listener who is told the progress
 * @param prompts who answers the target's questions while it connects (host keys, passwords)
 * @param logDir the folder for a new journal, or null for {@code ./migration-logs}
 * @param proof the journal's signing and shipping ({@link JournalProof#none()} for neither); used once
 */
public record SessionRequest(Runbook runbook, TargetDefinition target, SessionSettings settings, Confirmer confirmer,
		SessionListener listener, TargetPrompts prompts, Path logDir, JournalProof proof) {
}
