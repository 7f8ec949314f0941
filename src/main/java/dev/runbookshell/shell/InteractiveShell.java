package dev.runbookshell.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.jline.JLineInputReader;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;

/**
 * The interactive loop on the JLine line reader: completion comes from Spring Shell's auto-configured reader,
 * history from {@link MaskedHistory} (no secret values, owner-only file). Ctrl-C at the prompt clears the line; Ctrl-C while a command runs is relayed to
 * that command; Ctrl-D or {@code exit} leaves, with the exit code {@code run} would give for its sessions.
 */
@Component
public class InteractiveShell {

	private static final Logger log = LoggerFactory.getLogger(InteractiveShell.class);

	private final ObjectProvider<LineReader> readers;

	private final ObjectProvider<PromptProvider> prompts;

	private final CommandDispatcher dispatcher;

	private final InterruptRelay interrupts;

	private final VersionInfo version;

	private final InteractiveSession session;

	public InteractiveShell(ObjectProvider<LineReader> readers, ObjectProvider<PromptProvider> prompts,
			CommandDispatcher dispatcher, InterruptRelay interrupts, VersionInfo version, InteractiveSession session) {
		this.readers = readers;
		this.prompts = prompts;
		this.dispatcher = dispatcher;
		this.interrupts = interrupts;
		this.version = version;
		this.session = session;
	}

	public ExitCode run() {
		LineReader reader = this.readers.getObject();
		Terminal terminal = reader.getTerminal();
		Thread loopThread = Thread.currentThread();
		terminal.handle(Terminal.Signal.INT, signal -> {
			if (!this.interrupts.fire()) {
				loopThread.interrupt();
			}
		});
		terminal.writer().println(this.version + " - type 'help' for commands, 'open FILE' to load a runbook, "
				+ "'exit' or Ctrl-D to leave.");
		terminal.flush();
		JLineInputReader input = new JLineInputReader(reader);
		while (true) {
			String line;
			try {
				line = reader.readLine(prompt(terminal));
			}
			catch (UserInterruptException ex) {
				continue;
			}
			catch (EndOfFileException ex) {
				break;
			}
			List<String> words = words(reader, line);
			if (words.isEmpty()) {
				continue;
			}
			if (words.get(0).equals("exit") || words.get(0).equals("quit")) {
				break;
			}
			ExitCode code = this.dispatcher.dispatch(words, terminal.writer(), terminal.writer(), input);
			if (words.get(0).equals("run")) {
				this.session.ran(code);
			}
			Thread.interrupted(); // a Ctrl-C that arrived after the command ended must not hit the next one
			terminal.flush();
		}
		saveHistory(reader);
		// Ended here, not when Spring closes: its outcome is the shell's exit code.
		try {
			this.session.end();
		}
		catch (RuntimeException ex) {
			terminal.writer().println("error: the session did not end cleanly: "
					+ new FailureTranslator().translate(ex).getMessage());
			terminal.flush();
		}
		return this.session.exitCode();
	}

	private String prompt(Terminal terminal) {
		PromptProvider provider = this.prompts.getIfAvailable();
		AttributedString prompt = provider != null ? provider.getPrompt() : new AttributedString("runbook> ");
		return prompt.toAnsi(terminal);
	}

	private static List<String> words(LineReader reader, String line) {
		List<String> words = new ArrayList<>();
		if (reader.getParsedLine() != null && line.equals(reader.getParsedLine().line())) {
			for (String word : reader.getParsedLine().words()) {
				if (!word.isEmpty()) {
					words.add(word);
				}
			}
			return words;
		}
		for (String word : line.trim().split("\\s+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

	private static void saveHistory(LineReader reader) {
		try {
			reader.getHistory().save();
		}
		catch (IOException ex) {
			log.debug("could not save history", ex);
		}
	}

}
