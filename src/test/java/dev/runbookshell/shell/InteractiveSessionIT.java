package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.RequiredComponent;

/** The interactive shell through a real terminal: tmux drives {@code java -jar target/runbook.jar}. */
class InteractiveSessionIT {

	@TempDir
	Path dir;

	private final String tmuxSession = "rb-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

	@BeforeEach
	void tmuxIsThere() throws Exception {
		RequiredComponent.require(tmux("-V").exitCode() == 0, "tmux",
				"apt-get install -y tmux (scripts/prepare-test-env does)");
	}

	@AfterEach
	void killTmux() throws Exception {
		tmux("kill-session", "-t", this.tmuxSession);
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
		tmux("new-session", "-d", "-s", this.tmuxSession, "-x", "200", "-y", "50", "-c", this.dir.toString(),
				"java -jar " + RunbookCli.JAR + " 2>&1; sleep 30");
		awaitScreen("Ctrl-D to leave", Duration.ofSeconds(60));
		type("open plan.md");
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
		awaitScreen("journal", Duration.ofSeconds(10));
		type("exit");

		assertThat(this.dir.resolve("first.txt")).hasContent("first-ran");
		assertThat(this.dir.resolve("third.txt")).hasContent("third-ran");
		try (var logs = Files.list(this.dir.resolve("migration-logs"))) {
			Path journal = logs.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
			awaitContent(journal, "\"session-finished\"", Duration.ofSeconds(15));
			assertThat(Files.readString(journal)).contains("\"mode\":\"interactive\"").contains("\"skipped\"");
		}
	}

	@Test
	void operatorTypesTheAnswerAnInteractiveBlockReadsAndTheSessionGoesOn() throws Exception {
		Files.writeString(this.dir.resolve("gate.md"), """
				# Gate

				## Confirm

				```bash {name=confirm interactive=true}
				echo "waiting for the operator"
				read -r -p 'Type YES to continue: ' answer; test "$answer" = YES && echo "confirmed" > confirmed.txt
				```

				## After

				```bash {name=after}
				echo after-ran > after.txt
				```
				""");
		tmux("new-session", "-d", "-s", this.tmuxSession, "-x", "200", "-y", "50", "-c", this.dir.toString(),
				"java -jar " + RunbookCli.JAR + " 2>&1; sleep 30");
		awaitScreen("Ctrl-D to leave", Duration.ofSeconds(60));
		type("open gate.md");
		type("next");
		awaitScreen("[y] run", Duration.ofSeconds(30));
		type("y");
		awaitScreen("1.1 confirm reads what you type", Duration.ofSeconds(30));
		awaitScreen("waiting for the operator", Duration.ofSeconds(10));
		type("YES");
		awaitScreen("<== 1.1 confirm succeeded", Duration.ofSeconds(30));
		type("next");
		awaitScreen("2.1 after", Duration.ofSeconds(10));
		type("y");
		awaitScreen("<== 2.1 after succeeded", Duration.ofSeconds(30));
		type("exit");

		assertThat(this.dir.resolve("confirmed.txt")).hasContent("confirmed");
		assertThat(this.dir.resolve("after.txt")).hasContent("after-ran");
		try (var logs = Files.list(this.dir.resolve("migration-logs"))) {
			Path journal = logs.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
			awaitContent(journal, "\"session-finished\"", Duration.ofSeconds(15));
			assertThat(Files.readString(journal))
				.contains("typed input: 1 line sent to the block while it ran (not recorded)");
		}
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
		tmux("new-session", "-d", "-s", this.tmuxSession, "-x", "200", "-y", "50", "-c", this.dir.toString(),
				"java -jar " + RunbookCli.JAR + " run gate.md; echo EXIT=$?; sleep 30");
		awaitScreen("[y] run", Duration.ofSeconds(60));
		type("y");
		awaitScreen("attempt 1 waits", Duration.ofSeconds(30));
		tmux("send-keys", "-t", this.tmuxSession, "C-c");
		awaitScreen("[r] retry", Duration.ofSeconds(30));
		assertThat(screen()).contains("confirm interrupted").doesNotContain("EXIT=");
		type("r");
		// the shell kept its state through the interrupt: the counter goes on
		awaitScreen("attempt 2 waits", Duration.ofSeconds(30));
		type("YES");
		awaitScreen("EXIT=0", Duration.ofSeconds(30));

		assertThat(this.dir.resolve("confirmed.txt")).hasContent("confirmed");
	}

	private void type(String line) throws Exception {
		tmux("send-keys", "-t", this.tmuxSession, "-l", line);
		tmux("send-keys", "-t", this.tmuxSession, "Enter");
	}

	private String screen() throws Exception {
		return tmux("capture-pane", "-p", "-t", this.tmuxSession, "-S", "-200").output();
	}

	private void awaitScreen(String text, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		String last = "";
		while (System.nanoTime() < deadline) {
			last = screen();
			if (last.contains(text)) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("'" + text + "' did not appear within " + timeout + "; screen:\n" + last);
	}

	private static void awaitContent(Path file, String text, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.readString(file).contains(text)) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError(file + " has no " + text + " after " + timeout);
	}

	private static TmuxTerminal.Run tmux(String... args) throws IOException, InterruptedException {
		return TmuxTerminal.tmux(args);
	}

}
