package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leaving the interactive shell (at a tmux terminal) returns what {@code run} returns for the same outcome: a
 * block that failed is exit 1 even when the operator went on after it and left with {@code exit}.
 */
class ShellExitCodeIT {

	@TempDir
	Path dir;

	@Test
	void exitAfterABlockFailedAndTheOperatorWentOnReturnsOneAsRunDoes() throws Exception {
		try (TmuxTerminal terminal = shell("""
				# Steps

				```bash {name=broken}
				no-such-command-here
				```

				```bash {name=after}
				echo after-ran
				```
				""")) {
			openAndRunTheFirstBlock(terminal);
			terminal.await("[i] ignore and continue", Duration.ofSeconds(30));
			terminal.type("i");
			terminal.awaitCount("[y] run", 2, Duration.ofSeconds(30));
			terminal.type("y");
			terminal.await("end of the runbook", Duration.ofSeconds(30));
			terminal.type("exit");
			String end = terminal.await("EXIT=", Duration.ofSeconds(30));
			assertThat(end).contains("after-ran", "EXIT=1");
		}
		assertThat(Files.readString(TmuxTerminal.finishedJournal(this.dir))).contains("\"status\":\"failed\"");
	}

	@Test
	void ctrlDAfterARunTypedInTheShellFailedReturnsOne() throws Exception {
		try (TmuxTerminal terminal = shell("# Steps\n\n```bash {name=broken}\nfalse\n```\n")) {
			terminal.type("run plan.md --yes");
			terminal.await("error: a block did not succeed", Duration.ofSeconds(30));
			// before the prompt, Ctrl-D is the cooked tty's end-of-file, not a key the shell reads
			terminal.awaitCount("runbook>", 2, Duration.ofSeconds(10));
			terminal.keys("C-d");
			assertThat(terminal.await("EXIT=", Duration.ofSeconds(30))).contains("EXIT=1");
		}
	}

	@Test
	void exitAfterEveryBlockSucceededReturnsZero() throws Exception {
		try (TmuxTerminal terminal = shell("# Steps\n\n```bash {name=fine}\necho fine-ran\n```\n")) {
			openAndRunTheFirstBlock(terminal);
			terminal.await("end of the runbook", Duration.ofSeconds(30));
			terminal.type("exit");
			assertThat(terminal.await("EXIT=", Duration.ofSeconds(30))).contains("fine-ran", "EXIT=0");
		}
	}

	/** The interactive shell, ready for a command, in a folder where plan.md holds {@code runbook}. */
	private TmuxTerminal shell(String runbook) throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), runbook);
		TmuxTerminal terminal = TmuxTerminal.start(this.dir, TmuxTerminal.runbook(this.dir, ""));
		try {
			terminal.await("Ctrl-D to leave", Duration.ofSeconds(60));
			return terminal;
		}
		catch (Exception | AssertionError ex) {
			terminal.close();
			throw ex;
		}
	}

	private static void openAndRunTheFirstBlock(TmuxTerminal terminal) throws Exception {
		terminal.type("open plan.md");
		terminal.type("continue");
		terminal.await("[y] run", Duration.ofSeconds(30));
		terminal.type("y");
	}

}
