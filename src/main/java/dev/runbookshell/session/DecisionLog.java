package dev.runbookshell.session;

import java.util.List;

import dev.runbookshell.journal.SecretMasker;
import dev.runbookshell.runbook.Block;

/**
 * Journals the decisions of a session. An edit waits until its block's variables have been asked
 * ({@link #recordEdit}): a secret the operator typed into the edit before being asked for it is then known, and
 * masked.
 */
final class DecisionLog {

	private final SessionState state;

	/** An edit decision not journaled yet, or null. */
	private PendingEdit pendingEdit;

	DecisionLog(SessionState state) {
		this.state = state;
	}

	void record(Block block, Decision decision) {
		recordEdit();
		if (decision.text() != null) {
			this.pendingEdit = new PendingEdit(block, decision);
			return;
		}
		write(block, decision);
	}

	/** Journals the edit that waits, if any; called once the block's values are in, and before anything else. */
	void recordEdit() {
		PendingEdit edit = this.pendingEdit;
		if (edit != null) {
			this.pendingEdit = null;
			write(edit.block(), edit.decision());
		}
	}

	private void write(Block block, Decision decision) {
		String text = this.state.secrets.mask(decision.text());
		if (text != null && !text.equals(decision.text())) {
			List<String> names = this.state.variables.secretsIn(decision.text());
			String instead = names.isEmpty() ? "the variable" : "$" + String.join(", $", names);
			this.state.listener.warning("the edit of " + block.label() + " contains a secret value: the log keeps it as "
					+ SecretMasker.MASK + ", so a --replay of this log will refuse this edit (write " + instead
					+ " instead of its value)");
		}
		this.state.recorder.decision(block, decision.choice(), text);
	}

	private record PendingEdit(Block block, Decision decision) {
	}

}
