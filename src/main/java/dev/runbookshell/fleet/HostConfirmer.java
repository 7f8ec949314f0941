package dev.runbookshell.fleet;

import java.util.List;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.session.BlockPrompt;
import dev.runbookshell.session.CheckResult;
import dev.runbookshell.session.Confirmer;
import dev.runbookshell.session.Decision;
import dev.runbookshell.session.FailurePrompt;
import dev.runbookshell.session.SessionMode;

/**
 * One host's confirmer: every question about a flow block parks the host in the {@link Lockstep} until the fleet
 * has decided for all; values and checks come from the {@link SharedAnswers}.
 */
final class HostConfirmer implements Confirmer {

	private final HostRun host;

	private final Lockstep lockstep;

	private final SharedAnswers shared;

	HostConfirmer(HostRun host, Lockstep lockstep, SharedAnswers shared) {
		this.host = host;
		this.lockstep = lockstep;
		this.shared = shared;
	}

	@Override
	public SessionMode mode() {
		return this.shared.mode();
	}

	@Override
	public Decision beforeBlock(BlockPrompt prompt) {
		if (prompt.index() == 0) {
			// a rollback step: the fleet chose to roll this host back
			return Decision.RUN;
		}
		return this.lockstep.park(this.host, Parked.before(prompt));
	}

	@Override
	public Decision afterFailure(FailurePrompt prompt) {
		if (this.host.rolledBack) {
			return Decision.STOP;
		}
		return this.lockstep.park(this.host, Parked.after(prompt));
	}

	@Override
	public boolean typedConfirmation(Block block, String text, String targetName, String risk) {
		return this.host.typed;
	}

	@Override
	public String askVariable(String name, String prompt, boolean secret) {
		return this.shared.variable(name, prompt, secret);
	}

	@Override
	public CheckResult check(ChecklistItem item) {
		return this.shared.check(item);
	}

	@Override
	public boolean confirmRollback(List<Block> plan) {
		return this.shared.rollback(plan);
	}

}
