package dev.runbookshell.session;

import java.util.Locale;

import dev.runbookshell.journal.DecisionChoice;

/**
 * What the operator (or the answers file, or the replayed log) chose for a block: before it runs, or after it
 * failed.
 *
 * @param choice the choice
 * @param text the edited command for {@link Choice#EDIT} and {@link Choice#EDIT_RETRY}, else null
 */
public record Decision(Choice choice, String text) {

	public static final Decision RUN = new Decision(Choice.RUN, null);

	public static final Decision SKIP = new Decision(Choice.SKIP, null);

	public static final Decision ALL = new Decision(Choice.ALL, null);

	public static final Decision STOP = new Decision(Choice.STOP, null);

	public static final Decision RETRY = new Decision(Choice.RETRY, null);

	public static final Decision IGNORE = new Decision(Choice.IGNORE, null);

	public static final Decision ROLLBACK = new Decision(Choice.ROLLBACK, null);

	public Decision {
		if ((choice == Choice.EDIT || choice == Choice.EDIT_RETRY) && (text == null || text.isBlank())) {
			throw new IllegalArgumentException(choice.wire() + " needs the edited text");
		}
	}

	public static Decision edit(String text) {
		return new Decision(Choice.EDIT, text);
	}

	public static Decision editAndRetry(String text) {
		return new Decision(Choice.EDIT_RETRY, text);
	}

	/** The choices; the first five answer "run this block?", the rest "it failed, now what?". */
	public enum Choice {

		RUN(DecisionChoice.RUN), SKIP(DecisionChoice.SKIP), EDIT(DecisionChoice.EDIT), ALL(DecisionChoice.ALL),
		STOP(DecisionChoice.STOP), RETRY(DecisionChoice.RETRY), EDIT_RETRY(DecisionChoice.EDIT_RETRY),
		IGNORE(DecisionChoice.IGNORE), ROLLBACK(DecisionChoice.ROLLBACK);

		private final DecisionChoice recorded;

		Choice(DecisionChoice recorded) {
			this.recorded = recorded;
		}

		/** As the journal records it. */
		public DecisionChoice recorded() {
			return this.recorded;
		}

		/** The journal spelling ({@code edit-retry}). */
		public String wire() {
			return this.recorded.wire();
		}

		/** The choice a journal recorded. */
		public static Choice of(DecisionChoice recorded) {
			for (Choice choice : values()) {
				if (choice.recorded == recorded) {
					return choice;
				}
			}
			throw new IllegalArgumentException("no choice " + recorded);
		}

		/** A choice as an answers file spells it ({@code edit-retry}, any case). */
		public static Choice fromWire(String text) {
			return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}

	}

}
