package dev.runbookshell.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
 * The operator at the terminal: shows each block (placeholders highlighted) and reads one-letter answers;
 * edits in the line editor, or in {@code $EDITOR} for blocks over ten lines; reads secrets without echo.
 * Ctrl-C or Ctrl-D at a question means stop.
 */
public class TerminalConfirmer implements Confirmer {

	private static final String BEFORE = "[y] run · [s] skip · [e] edit · [a] all remaining · [q] stop · [?] help ";

	private static final String HELP = """
			  y  run this block            s  skip it (recorded as skipped)
			  e  edit it, then run the edited text (the edit is logged)
			  a  run this and all remaining blocks without asking (risky ones still ask)
			  q  stop here (you can 'continue' later; rollback is offered when something ran)""";

	private final TerminalQuestions questions;

	TerminalConfirmer(TerminalQuestions questions) {
		this.questions = questions;
	}

	@Override
	public SessionMode mode() {
		return SessionMode.INTERACTIVE;
	}

	@Override
	public Decision beforeBlock(BlockPrompt prompt) {
		show(prompt);
		while (true) {
			switch (this.questions.choose(BEFORE, '?')) {
				case 'y':
					return Decision.RUN;
				case 's':
					return Decision.SKIP;
				case 'a':
					return Decision.ALL;
				case 'q':
				case 0:
					return Decision.STOP;
				case 'e':
					String edited = edit(prompt.command());
					if (edited != null) {
						return Decision.edit(edited);
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
		while (true) {
			switch (this.questions.choose(options, '?')) {
				case 'r':
					return Decision.RETRY;
				case 'i':
					return Decision.IGNORE;
				case 'b':
					if (prompt.rollbackAvailable()) {
						return Decision.ROLLBACK;
					}
					break;
				case 'q':
				case 0:
					return Decision.STOP;
				case 'e':
					String edited = edit(prompt.command());
					if (edited != null) {
						return Decision.editAndRetry(edited);
					}
					break;
				default:
					this.questions.println("  r retry · e edit, then run the edit · i go on as if it succeeded · "
							+ "b undo what ran (rollback blocks) · q stop here");
			}
		}
	}

	@Override
	public boolean typedConfirmation(Block block, String targetName, String risk) {
		this.questions.println("!! " + block.label() + " is risky (" + risk + ").");
		String typed = this.questions.ask("Type the target's name (" + targetName + ") to run it: ");
		return targetName.equals(typed);
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
		this.questions.println("[ ] " + item.text());
		char answer = this.questions.choose("Checked? [y] yes · [n] no · [u] not verified ", 'u');
		CheckResult.State state = switch (answer) {
			case 'y' -> CheckResult.State.CHECKED;
			case 'n' -> CheckResult.State.UNCHECKED;
			default -> CheckResult.State.UNVERIFIED;
		};
		String note = this.questions.ask("Note (Enter for none): ");
		return new CheckResult(state, note == null || note.isBlank() ? null : note);
	}

	@Override
	public boolean confirmRollback(List<Block> plan) {
		this.questions.println("Rollback plan:");
		plan.forEach(block -> this.questions.println("  " + block.label()));
		return this.questions.choose("Run the rollback (each block is confirmed)? [y/N] ", 'n') == 'y';
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

	/** Short blocks in the line editor, long ones in {@code $EDITOR}; null when the edit was abandoned. */
	private String edit(String command) {
		if (command.lines().count() > 10 && System.getenv("EDITOR") != null) {
			return editExternally(command);
		}
		// Without the final newline: it would open an empty second line in the editor.
		String edited = this.questions.edit("edit> ", command.stripTrailing());
		return edited == null || edited.isBlank() ? null : edited;
	}

	private String editExternally(String command) {
		try {
			Path file = Files.createTempFile("runbook-edit-", ".sh");
			try {
				Files.writeString(file, command, StandardCharsets.UTF_8);
				this.questions.terminal().pause();
				Process editor = new ProcessBuilder("sh", "-c", "exec $EDITOR \"$1\"", "editor", file.toString())
					.inheritIO()
					.start();
				if (!editor.waitFor(2, TimeUnit.HOURS)) {
					editor.destroy();
					return null;
				}
				String edited = Files.readString(file, StandardCharsets.UTF_8).stripTrailing();
				return edited.isBlank() ? null : edited;
			}
			finally {
				this.questions.terminal().resume();
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			this.questions.println("cannot run $EDITOR: " + ex.getMessage());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
