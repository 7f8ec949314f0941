package dev.runbookshell.session;

import java.util.List;
import java.util.function.BiConsumer;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;

/**
 * Answers the session's questions: the operator at a terminal, {@code --yes}, an answers file or a replayed log.
 * Unattended implementations never wait: a question they cannot answer throws {@link SessionRefusedException}
 * naming the option that would answer it.
 */
public interface Confirmer {

	SessionMode mode();

	/** Run, skip, edit, run all remaining, or stop, before {@code prompt}'s block runs. */
	Decision beforeBlock(BlockPrompt prompt);

	/** Retry, edit and retry, ignore, roll back or stop, after a block did not succeed. */
	Decision afterFailure(FailurePrompt prompt);

	/**
	 * For a risky block: whether the operator typed the target's name to run {@code text} (what runs, which a
	 * terminal shows first when no prompt showed it: after "all remaining").
	 */
	boolean typedConfirmation(Block block, String text, String targetName, String risk);

	/**
	 * A value for a variable or placeholder; secrets are read without echo.
	 * @throws SessionRefusedException when nobody can answer
	 */
	String askVariable(String name, String prompt, boolean secret);

	/** A manual check: ticked, refused, or left unverified, with a note. */
	CheckResult check(ChecklistItem item);

	/**
	 * The manual checks that are due, in order, each passed to {@code answered} as soon as it is answered; a
	 * confirmer may answer the rest at once (the operator's "all"), still one result per item.
	 * @return false when the operator stopped at an item (Ctrl-C, end of input): it and the rest are not answered
	 */
	default boolean checkList(List<ChecklistItem> items, BiConsumer<ChecklistItem, CheckResult> answered) {
		for (ChecklistItem item : items) {
			answered.accept(item, check(item));
		}
		return true;
	}

	/** Whether to run these rollback blocks (after a stop, or when the operator chose rollback). */
	boolean confirmRollback(List<Block> plan);

	/**
	 * While a block annotated {@code interactive=true} runs: passes what the operator types to {@code input}
	 * until the returned handle is closed (when the block has ended).
	 * @return null when nobody can type (the default, and every unattended confirmer): the block then runs with
	 * stdin from /dev/null
	 */
	default Typing typeInto(Block block, BlockInput input) {
		return null;
	}

	/** Typing into one block; closing it stops reading the keyboard and discards what was typed too late. */
	interface Typing extends AutoCloseable {

		@Override
		void close();

	}

}
