package dev.runbookshell.session;

import java.util.List;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;

/**
 * {@code --yes}: every block runs, risky ones included (a note in the journal says the decision was automatic);
 * blocks annotated {@code excludeFromRunAll} are skipped; checklist items are recorded as unverified; the first
 * failure stops the session and nothing is rolled back. A variable without a value stops the session with a
 * message naming {@code --var}.
 */
public class AutoConfirmer implements Confirmer {

	@Override
	public SessionMode mode() {
		return SessionMode.YES;
	}

	@Override
	public Decision beforeBlock(BlockPrompt prompt) {
		return prompt.block().annotations().excludeFromRunAll() ? Decision.SKIP : Decision.RUN;
	}

	@Override
	public Decision afterFailure(FailurePrompt prompt) {
		return Decision.STOP;
	}

	@Override
	public boolean typedConfirmation(Block block, String text, String targetName, String risk) {
		return true;
	}

	@Override
	public String askVariable(String name, String prompt, boolean secret) {
		throw unanswered(name, mode());
	}

	@Override
	public CheckResult check(ChecklistItem item) {
		return CheckResult.UNVERIFIED;
	}

	@Override
	public boolean confirmRollback(List<Block> plan) {
		return false;
	}

	/** The refusal for a value nobody can give in {@code mode}. */
	static SessionRefusedException unanswered(String name, SessionMode mode) {
		String where = mode == SessionMode.ANSWERS ? " or under variables: in the answers file" : "";
		return new SessionRefusedException("variable " + name + " has no value and nobody can be asked (--"
				+ mode.wire() + "): pass --var " + name + "=VALUE" + where);
	}

}
