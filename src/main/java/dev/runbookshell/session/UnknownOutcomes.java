package dev.runbookshell.session;

import java.util.HashSet;
import java.util.Set;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.runbook.Block;

/**
 * A block whose outcome is unknown (it was running when the previous run ended, or its connection was lost) may
 * have taken effect: unattended it runs again only when {@code --rerun-unknown} or the answers' {@code on-unknown}
 * say so ({@link OnUnknown}), by default the session stops before it; at a terminal the operator is warned and
 * asked.
 */
final class UnknownOutcomes {

	private static final String TOLD = "--rerun-unknown or on-unknown: rerun";

	private final SessionState state;

	/** Blocks run again after ending unknown in this session: once each. */
	private final Set<String> rerun = new HashSet<>();

	UnknownOutcomes(SessionState state) {
		this.state = state;
	}

	/**
	 * Before {@code block} is offered: null to offer it (as usual, or because it is to run again), IGNORE to go on
	 * without running it, STOP to stop the session before it.
	 */
	Decision beforeOffer(Block block) {
		if (this.state.status(block) != BlockStatus.UNKNOWN) {
			return null;
		}
		if (!this.state.confirmer.mode().unattended()) {
			this.state.listener.message("    " + block.label() + " may have run already (its outcome is unknown): "
					+ "check the target before you run it again");
			return null;
		}
		switch (this.state.settings.onUnknown()) {
			case RERUN -> {
				this.state.listener.message(block.label() + " ended unknown before: running it again, as told (" + TOLD
						+ ")");
				return null;
			}
			case SKIP -> {
				this.state.listener.message(block.label() + " ended unknown before: not run again, as told (on-unknown: "
						+ "skip); it stays unknown");
				return Decision.IGNORE;
			}
			default -> {
				this.state.stopReason("stopped before " + block.label() + ": its outcome is unknown, so it is not run "
						+ "again unattended (--rerun-unknown runs it again)");
				return Decision.STOP;
			}
		}
	}

	/** Unattended, after {@code block} ended unknown in this session: RETRY (once, when told), IGNORE or STOP. */
	Decision afterLost(Block block) {
		OnUnknown policy = this.state.settings.onUnknown();
		if (policy == OnUnknown.RERUN && this.rerun.add(block.id())) {
			this.state.listener.message("running " + block.label() + " again, as told (" + TOLD + ")");
			return Decision.RETRY;
		}
		if (policy == OnUnknown.SKIP) {
			return Decision.IGNORE;
		}
		this.state.stopReason("stopped after " + block.label() + ": its outcome is unknown, so it is not run again "
				+ "unattended (--rerun-unknown runs it again)");
		return Decision.STOP;
	}

}
