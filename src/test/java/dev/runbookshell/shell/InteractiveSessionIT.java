package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.SshKeygen;

/** The interactive shell through a real terminal: tmux drives {@code java -jar target/runbook.jar}. */
class InteractiveSessionIT {

	@TempDir
	Path dir;

	private TmuxTerminal terminal;

	@AfterEach
	void killTmux() throws Exception {
		if (this.terminal != null) {
			this.terminal.close();
		}
	}

	@Test
	void operatorOpensARunbookAndWalksItBlockByBlock() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Walk

				## First

				```bash {name=first}
				echo first-ran > first.txt
				```

				## Second

				```bash {name=second}
				echo second-ran
				```

				## Third

				```bash {name=third}
				echo third-ran > third.txt
				```
				""");
		openInTheShell("plan.md");
		type("next");
		awaitScreen("[y] run", Duration.ofSeconds(30));
		type("y");
		awaitScreen("<== 1.1 first succeeded", Duration.ofSeconds(30));
		type("next");
		awaitScreen("2.1 second", Duration.ofSeconds(10));
		type("s");
		awaitScreen("<== 2.1 second skipped", Duration.ofSeconds(10));
		type("continue");
		awaitScreen("3.1 third", Duration.ofSeconds(10));
		type("y");
		awaitScreen("end of the runbook", Duration.ofSeconds(30));
		type("status");
		// only status prints " · journal " (the session's start printed "; journal: " long before)
		assertThat(this.terminal.await(" · journal ", Duration.ofSeconds(10)))
			.containsPattern("succeeded +1\\.1 first").containsPattern("skipped +2\\.1 second")
			.containsPattern("succeeded +3\\.1 third");
		type("exit");

		assertThat(this.dir.resolve("first.txt")).hasContent("first-ran");
		assertThat(this.dir.resolve("third.txt")).hasContent("third-ran");
		assertThat(Files.readString(TmuxTerminal.finishedJournal(this.dir))).contains("\"mode\":\"interactive\"")
			.contains("\"skipped\"");
	}

	@Test
	void operatorTypesTheAnswerAnInteractiveBlockReadsAndTheSessionGoesOn() throws Exception {
		Files.writeString(this.dir.resolve("gate.md"), """
				# Gate

				## Confirm

				```bash {name=confirm interactive=true}
				echo "waiting for operator $((6 * 7))"
				read -r -p 'Type YES to continue: ' answer; test "$answer" = YES && echo "confirmed" > confirmed.txt
				```

				## After

				```bash {name=after}
				echo after-ran > after.txt
				```
				""");
		openInTheShell("gate.md");
		type("next");
		awaitScreen("[y] run", Duration.ofSeconds(30));
		type("y");
		awaitScreen("1.1 confirm reads what you type", Duration.ofSeconds(30));
		// what the block prints, not its text in the question: the prompt shows $((6 * 7)), the block prints 42
		awaitScreen("waiting for operator 42", Duration.ofSeconds(10));
		type("YES");
		awaitScreen("<== 1.1 confirm succeeded", Duration.ofSeconds(30));
		type("next");
		awaitScreen("2.1 after", Duration.ofSeconds(10));
		type("y");
		awaitScreen("<== 2.1 after succeeded", Duration.ofSeconds(30));
		type("exit");

		assertThat(this.dir.resolve("confirmed.txt")).hasContent("confirmed");
		assertThat(this.dir.resolve("after.txt")).hasContent("after-ran");
		assertThat(Files.readString(TmuxTerminal.finishedJournal(this.dir)))
			.contains("typed input: 1 line sent to the block while it ran (not recorded)");
	}

	@Test
	void ctrlCInARunAtATerminalInterruptsTheWaitingBlockAndARetryTakesTypedInputAgain() throws Exception {
		Files.writeString(this.dir.resolve("gate.md"), """
				# Gate

				```bash {name=confirm interactive=true}
				echo "attempt $((n+=1)) waits"
				read -r answer; test "$answer" = YES && echo "confirmed" > confirmed.txt
				```
				""");
		this.terminal = TmuxTerminal.start(this.dir,
				"java -jar " + RunbookCli.JAR + " run gate.md; echo EXIT=$?; sleep 30");
		awaitScreen("[y] run", Duration.ofSeconds(60));
		type("y");
		awaitScreen("attempt 1 waits", Duration.ofSeconds(30));
		this.terminal.keys("C-c");
		awaitScreen("[r] retry", Duration.ofSeconds(30));
		assertThat(screen()).contains("confirm interrupted").doesNotContain("EXIT=");
		type("r");
		// the shell kept its state through the interrupt: the counter goes on
		awaitScreen("attempt 2 waits", Duration.ofSeconds(30));
		type("YES");
		awaitScreen("EXIT=0", Duration.ofSeconds(30));

		assertThat(this.dir.resolve("confirmed.txt")).hasContent("confirmed");
	}

	@Test
	void anInteractiveSessionIsSignedAndShippedAsUseWasToldAndSshKeygenVerifiesIt() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Signed

				## One

				```bash {name=first}
				echo "first: $((20 + 22))"
				```
				""");
		Path key = SshKeygen.generate(this.dir.resolve("id_ed25519"), "ed25519", 0, "", "alice@example.com");
		Path allowed = Files.writeString(this.dir.resolve("allowed_signers"),
				SshKeygen.allowedSignersLine("alice@example.com", "", Path.of(key + ".pub")) + "\n");
		Path share = Files.createDirectories(this.dir.resolve("share"));
		openInTheShell("plan.md");
		type("use local --sign-key " + key + " --ship " + share.toUri());
		awaitScreen("target: local", Duration.ofSeconds(10));
		type("next");
		awaitScreen("[y] run", Duration.ofSeconds(30));
		type("y");
		awaitScreen("first: 42", Duration.ofSeconds(30));
		type("exit");
		String end = this.terminal.await("EXIT=", Duration.ofSeconds(30));

		Path journal = TmuxTerminal.finishedJournal(this.dir);
		assertThat(end).contains("Journal signed by", "Journal shipped to", "EXIT=0");
		SshKeygen.Result verified = SshKeygen.verify(allowed, "alice@example.com", "journal@runbookshell.dev",
				journal.resolveSibling(journal.getFileName() + ".sig"), journal);
		assertThat(verified.exitCode()).as(verified.output()).isZero();
		assertThat(Files.readAllBytes(share.resolve(journal.getFileName()))).isEqualTo(Files.readAllBytes(journal));
	}

	/** The interactive shell (no RUNBOOK_SIGN from the environment), with {@code file} open. */
	private void openInTheShell(String file) throws Exception {
		this.terminal = TmuxTerminal.start(this.dir, "env -u RUNBOOK_SIGN java -jar " + RunbookCli.JAR
				+ " 2>&1; echo EXIT=$?; sleep 30");
		awaitScreen("Ctrl-D to leave", Duration.ofSeconds(60));
		type("open " + file);
	}

	private void type(String line) throws Exception {
		this.terminal.type(line);
	}

	private String screen() throws Exception {
		return this.terminal.screen();
	}

	private void awaitScreen(String text, Duration timeout) throws Exception {
		this.terminal.await(text, timeout);
	}

}
