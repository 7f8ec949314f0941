package dev.runbookshell.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.runbook.Placeholder;
import dev.runbookshell.session.BlockInput;
import dev.runbookshell.session.BlockPrompt;
import dev.runbookshell.session.CheckResult;
import dev.runbookshell.session.Confirmer;
import dev.runbookshell.session.Decision;
import dev.runbookshell.session.FailurePrompt;
import dev.runbookshell.session.SessionMode;

/**
 * The operator at the terminal: shows each block (placeholders highlighted) and takes only the answers it
 * offers, by letter or full word; an edit is shown as a diff against the runbook and confirmed before it runs;
 * secrets are read without echo. Ctrl-C or Ctrl-D at a question means stop.
 */
public class TerminalConfirmer implements Confirmer {

	private static final String BEFORE = "[y] run · [s] skip · [e] edit · [a] all remaining · [q] stop · [?] help ";

	private static final String HELP = """
			  y, yes   run this block
			  s, skip  skip it (recorded as skipped)
			  e, edit  edit it; you see what changed against the runbook before the edit runs (it is logged)
			  a, all   run this and all remaining blocks without asking (risky ones still ask)
			  q, quit, stop   stop here (you can 'continue' later; rollback is offered when something ran)
			  ?, help  this help""";

	private static final String FAILURE_HELP = """
			  r, retry     run it again            e, edit  edit it, then run the edit
			  i, ignore    go on as if it succeeded
			  b, rollback  undo what ran (rollback blocks)
			  q, quit, stop   stop here""";

	private static final String CHECK = "Checked? [y] yes · [n] no · [u] not verified · [a] all in this list "
			+ "(a note may follow) ";

	private enum Before {
		RUN, SKIP, EDIT, ALL, STOP, HELP
	}

	private enum AfterFailure {
		RETRY, EDIT, IGNORE, ROLLBACK, STOP, HELP
	}

	private enum Check {
		YES, NO, UNVERIFIED, ALL
	}

	private static final List<Answer<Before>> BEFORE_ANSWERS = List.of(Answer.of(Before.RUN, "y", "yes"),
			Answer.of(Before.SKIP, "s", "skip"), Answer.of(Before.EDIT, "e", "edit"), Answer.of(Before.ALL, "a", "all"),
			Answer.of(Before.STOP, "q", "quit", "stop"), Answer.of(Before.HELP, "?", "help"));

	private static final List<Answer<Check>> CHECK_ANSWERS = List.of(Answer.of(Check.YES, "y", "yes"),
			Answer.of(Check.NO, "n", "no"), Answer.of(Check.UNVERIFIED, "u", "unverified"),
			Answer.of(Check.ALL, "a", "all"));

	private final TerminalQuestions questions;

	private final EditReview edits;

	/** The block and text the last prompt showed, or null. */
	private String shown;

	TerminalConfirmer(TerminalQuestions questions) {
		this.questions = questions;
		this.edits = new EditReview(questions, new BlockEditor(questions, System.getenv()));
	}

	@Override
	public SessionMode mode() {
		return SessionMode.INTERACTIVE;
	}

	@Override
	public Decision beforeBlock(BlockPrompt prompt) {
		show(prompt);
		while (true) {
			Before answer = this.questions.choose(BEFORE, BEFORE_ANSWERS, Before.HELP);
			if (answer == null) {
				return Decision.STOP;
			}
			switch (answer) {
				case RUN:
					return Decision.RUN;
				case SKIP:
					return Decision.SKIP;
				case ALL:
					return Decision.ALL;
				case STOP:
					return Decision.STOP;
				case EDIT:
					Decision edited = this.edits.edit(prompt.block(), prompt.source(), "Run the edited text? ",
							Decision::edit);
					if (edited != null) {
						return edited;
					}
					break;
				default:
					this.questions.println(HELP);
			}
		}
	}

	@Override
	public Decision afterFailure(FailurePrompt prompt) {
		this.questions.println(prompt.block().label() + " " + prompt.status().wire()
				+ (prompt.message() == null ? "" : ": " + prompt.message()));
		String options = "[r] retry · [e] edit and retry · [i] ignore and continue · "
				+ (prompt.rollbackAvailable() ? "[b] run rollback · " : "") + "[q] stop ";
		List<Answer<AfterFailure>> answers = new ArrayList<>(List.of(Answer.of(AfterFailure.RETRY, "r", "retry"),
				Answer.of(AfterFailure.EDIT, "e", "edit"), Answer.of(AfterFailure.IGNORE, "i", "ignore")));
		if (prompt.rollbackAvailable()) {
			answers.add(Answer.of(AfterFailure.ROLLBACK, "b", "rollback"));
		}
		answers.addAll(List.of(Answer.of(AfterFailure.STOP, "q", "quit", "stop"),
				Answer.of(AfterFailure.HELP, "?", "help")));
		while (true) {
			AfterFailure answer = this.questions.choose(options, answers, AfterFailure.HELP);
			if (answer == null) {
				return Decision.STOP;
			}
			switch (answer) {
				case RETRY:
					return Decision.RETRY;
				case IGNORE:
					return Decision.IGNORE;
				case ROLLBACK:
					return Decision.ROLLBACK;
				case STOP:
					return Decision.STOP;
				case EDIT:
					Decision edited = this.edits.edit(prompt.block(), prompt.command(), "Retry with the edited text? ",
							Decision::editAndRetry);
					if (edited != null) {
						return edited;
					}
					break;
				default:
					this.questions.println(FAILURE_HELP);
			}
		}
	}

	@Override
	public boolean typedConfirmation(Block block, String text, String targetName, String risk) {
		String name = TargetShortName.of(targetName);
		if (!(block.label() + "\n" + text).equals(this.shown)) {
			// after "all remaining" no prompt showed it: the name is typed for what is on the screen
			this.questions.println(highlight(text, block.placeholders()).toAnsi(this.questions.terminal()));
		}
		this.questions.println("!! " + block.label() + " is risky (" + risk + ").");
		String typed = this.questions.ask("Type the target's name (" + name + ") to run it: ");
		return name.equals(typed);
	}

	@Override
	public String askVariable(String name, String prompt, boolean secret) {
		String question = prompt + (secret ? " (hidden)" : "") + ": ";
		String value = secret ? this.questions.askSecret(question) : this.questions.ask(question);
		if (value == null) {
			throw new dev.runbookshell.session.SessionRefusedException("no value given for " + name);
		}
		return value;
	}

	@Override
	public CheckResult check(ChecklistItem item) {
		TerminalQuestions.Reply<Check> reply = askCheck(item);
		return reply == null ? CheckResult.UNVERIFIED : result(reply);
	}

	/**
	 * One question per item; {@code a} ticks this item and the rest of its list (the items due in its section),
	 * each recorded as ticked at once.
	 */
	@Override
	public boolean checkList(List<ChecklistItem> items, BiConsumer<ChecklistItem, CheckResult> answered) {
		int i = 0;
		while (i < items.size()) {
			ChecklistItem item = items.get(i);
			TerminalQuestions.Reply<Check> reply = askCheck(item);
			if (reply == null) {
				return false;
			}
			if (reply.meaning() != Check.ALL) {
				answered.accept(item, result(reply));
				i++;
				continue;
			}
			CheckResult ticked = new CheckResult(CheckResult.State.CHECKED,
					"ticked at once with the rest of the list" + (reply.note() == null ? "" : ": " + reply.note()));
			answered.accept(item, ticked);
			for (i++; i < items.size() && items.get(i).section().equals(item.section()); i++) {
				this.questions.println("[x] " + items.get(i).text());
				answered.accept(items.get(i), ticked);
			}
		}
		return true;
	}

	private TerminalQuestions.Reply<Check> askCheck(ChecklistItem item) {
		this.questions.println("[ ] " + item.text());
		return this.questions.chooseWithNote(CHECK, CHECK_ANSWERS);
	}

	private static CheckResult result(TerminalQuestions.Reply<Check> reply) {
		CheckResult.State state = switch (reply.meaning()) {
			case YES, ALL -> CheckResult.State.CHECKED;
			case NO -> CheckResult.State.UNCHECKED;
			case UNVERIFIED -> CheckResult.State.UNVERIFIED;
		};
		return new CheckResult(state, reply.note());
	}

	@Override
	public boolean confirmRollback(List<Block> plan) {
		this.questions.println("Rollback plan:");
		plan.forEach(block -> this.questions.println("  " + block.label()));
		return Boolean.TRUE.equals(this.questions.choose("Run the rollback (each block is confirmed)? [y/N] ",
				Answer.YES_NO, Boolean.FALSE));
	}

	/** At a real terminal only: with input piped in, the lines that follow are the shell's, not the block's. */
	@Override
	public Typing typeInto(Block block, BlockInput input) {
		Terminal terminal = this.questions.terminal();
		if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
			return null;
		}
		this.questions.println("    " + block.label() + " reads what you type: each line goes to it when you press "
				+ "Enter; Ctrl-C interrupts it");
		return KeyboardForwarder.start(terminal, input);
	}

	private void show(BlockPrompt prompt) {
		this.shown = prompt.block().label() + "\n" + prompt.command();
		// The heading path, id, name and target are already on the session's "==>" header line.
		AttributedStringBuilder text = new AttributedStringBuilder();
		text.append(highlight(prompt.command(), prompt.block().placeholders()));
		if (prompt.risk() != null) {
			text.append("\n").append("risky: " + prompt.risk() + " (you will type the target's name)",
					AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold());
		}
		prompt.block().scriptFile().ifPresent(f -> text.append("\n").append("note: " + f.warning(), AttributedStyle.BOLD));
		this.questions.println(text.toAnsi(this.questions.terminal()));
	}

	/** The command with unresolved placeholder tokens in yellow. */
	static AttributedString highlight(String command, List<Placeholder> placeholders) {
		AttributedStringBuilder out = new AttributedStringBuilder();
		int i = 0;
		outer: while (i < command.length()) {
			for (Placeholder placeholder : placeholders) {
				if (command.startsWith(placeholder.token(), i)) {
					out.append(placeholder.token(), AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW).bold());
					i += placeholder.token().length();
					continue outer;
				}
			}
			out.append(command.charAt(i));
			i++;
		}
		return out.toAttributedString();
	}

}
