package dev.runbookshell.fleet;

import java.util.List;

import dev.runbookshell.session.Confirmer;
import dev.runbookshell.session.Decision;
import dev.runbookshell.session.FailurePrompt;

/**
 * What to do when a block did not succeed on some hosts of a batch: asked once for all of them.
 */
@FunctionalInterface
public interface FleetQuestions {

	/**
	 * @param failure the first failed host's prompt (block, status, message)
	 * @param hosts the hosts on which the block did not succeed
	 */
	FailureDecision afterFailures(FailurePrompt failure, List<String> hosts);

	/**
	 * The fleet's answer.
	 *
	 * @param forFailed what the failed hosts do: retry (or edit and retry), stop (dropped: they take no further
	 * block), ignore, or roll back
	 * @param stopFleet whether every other host stops too
	 */
	record FailureDecision(Decision forFailed, boolean stopFleet) {
	}

	/**
	 * Unattended: the confirmer's answer for one host applies to every failed host; its stop drops them, and
	 * {@code --max-fail} decides whether the others go on.
	 */
	static FleetQuestions of(Confirmer confirmer) {
		return (failure, hosts) -> new FailureDecision(confirmer.afterFailure(failure), false);
	}

}
