package dev.runbookshell.fleet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.session.CheckResult;
import dev.runbookshell.session.Confirmer;
import dev.runbookshell.session.SessionMode;
import dev.runbookshell.session.SessionRefusedException;

/**
 * The questions every host asks alike, asked of the operator once for the whole fleet: a value, a manual check,
 * a rollback after a stop. One host at a time; the others take the answer given.
 */
final class SharedAnswers {

	private final Confirmer operator;

	private final Map<String, Object> values = new HashMap<>();

	private final Map<Integer, CheckResult> checks = new HashMap<>();

	private Boolean rollback;

	SharedAnswers(Confirmer operator) {
		this.operator = operator;
	}

	Confirmer operator() {
		return this.operator;
	}

	SessionMode mode() {
		return this.operator.mode();
	}

	synchronized String variable(String name, String prompt, boolean secret) {
		Object known = this.values.get(name);
		if (known == null) {
			try {
				known = this.operator.askVariable(name, prompt, secret);
			}
			catch (SessionRefusedException ex) {
				known = ex;
			}
			this.values.put(name, known);
		}
		if (known instanceof SessionRefusedException refused) {
			throw new SessionRefusedException(refused.getMessage());
		}
		return (String) known;
	}

	synchronized CheckResult check(ChecklistItem item) {
		return this.checks.computeIfAbsent(item.line(), line -> this.operator.check(item));
	}

	/**
	 * After a stop, unattended answers decide once for every host; at the terminal the fleet's failure menu is
	 * where rollback is chosen, so a stop does not ask each host again.
	 */
	synchronized boolean rollback(List<Block> plan) {
		if (!this.operator.mode().unattended()) {
			return false;
		}
		if (this.rollback == null) {
			this.rollback = this.operator.confirmRollback(plan);
		}
		return this.rollback;
	}

}
