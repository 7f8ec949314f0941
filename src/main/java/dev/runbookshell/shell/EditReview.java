package dev.runbookshell.shell;

import java.util.List;
import java.util.function.Function;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.session.Decision;

/**
 * The edit flow at a block's question: the operator edits the text, sees what changed against the runbook's
 * text, and says whether the edit runs, is edited again or is dropped. Nothing changed, nothing to confirm.
 */
final class EditReview {

	private static final String HELP = """
			  y, yes   run the edited text      e, edit  edit it again
			  u, undo  drop the edit            q, quit, stop   stop here""";

	private enum Review {
		RUN, EDIT, UNDO, STOP, HELP
	}

	private static final List<Answer<Review>> ANSWERS = List.of(Answer.of(Review.RUN, "y", "yes"),
			Answer.of(Review.EDIT, "e", "edit"), Answer.of(Review.UNDO, "u", "undo"),
			Answer.of(Review.STOP, "q", "quit", "stop"), Answer.of(Review.HELP, "?", "help"));

	private final TerminalQuestions questions;

	private final BlockEditor editor;

	EditReview(TerminalQuestions questions, BlockEditor editor) {
		this.questions = questions;
		this.editor = editor;
	}

	/**
	 * Edits {@code source} (the text the block would run) until the operator runs, drops or stops.
	 * @param question what running the edit means here ({@code Run the edited text? })
	 * @param run the decision that runs an edited text
	 * @return that decision, STOP, or null to ask the block's question again (abandoned, undone, or unchanged)
	 */
	Decision edit(Block block, String source, String question, Function<String, Decision> run) {
		String text = source;
		while (true) {
			String edited = this.editor.edit(text);
			if (edited == null) {
				return null;
			}
			if (edited.equals(source)) {
				this.questions.println("    (no change: nothing to review)");
				return null;
			}
			List<String> diff = EditDiff.lines(block.command(), edited);
			this.questions.println(diff.isEmpty() ? "    (the edit is the runbook's text again)"
					: EditDiff.render(diff, this.questions.terminal()));
			Review answer = ask(question);
			if (answer == null || answer == Review.STOP) {
				return Decision.STOP;
			}
			if (answer == Review.UNDO) {
				return null;
			}
			if (answer == Review.RUN) {
				return run.apply(edited);
			}
			text = edited;
		}
	}

	private Review ask(String question) {
		while (true) {
			Review answer = this.questions.choose(question + "[y] yes · [e] edit again · [u] undo the edit · [q] stop ",
					ANSWERS, Review.HELP);
			if (answer != Review.HELP) {
				return answer;
			}
			this.questions.println(HELP);
		}
	}

}
