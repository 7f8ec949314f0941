package dev.runbookshell.fleet;

import dev.runbookshell.session.BlockPrompt;
import dev.runbookshell.session.FailurePrompt;

/**
 * A host waiting in the lockstep for the fleet's decision: before a flow block, or after one did not succeed.
 *
 * @param before the block it is about to be offered, or null
 * @param failure the block that did not succeed, or null
 */
record Parked(BlockPrompt before, FailurePrompt failure) {

	static Parked before(BlockPrompt prompt) {
		return new Parked(prompt, null);
	}

	static Parked after(FailurePrompt prompt) {
		return new Parked(null, prompt);
	}

	boolean failed() {
		return this.failure != null;
	}

}
