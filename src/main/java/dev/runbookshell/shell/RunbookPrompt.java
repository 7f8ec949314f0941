package dev.runbookshell.shell;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;

import dev.runbookshell.runbook.Runbook;

/**
 * The interactive prompt: {@code runbook>} before a runbook is open, then the runbook's file name and the
 * target the next block would run on, e.g. {@code demo.md@local>}, so the operator always sees where they are.
 */
@Component
public class RunbookPrompt implements PromptProvider {

	private final CurrentRunbook current;

	private final InteractiveSession session;

	public RunbookPrompt(CurrentRunbook current, InteractiveSession session) {
		this.current = current;
		this.session = session;
	}

	@Override
	public AttributedString getPrompt() {
		String text = this.current.get().map(this::describe).orElse("runbook") + "> ";
		return new AttributedString(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
	}

	private String describe(Runbook runbook) {
		String file = java.nio.file.Path.of(runbook.file()).getFileName().toString();
		try {
			return file + "@" + this.session.target(runbook).name();
		}
		catch (RuntimeException ex) {
			return file;
		}
	}

}
