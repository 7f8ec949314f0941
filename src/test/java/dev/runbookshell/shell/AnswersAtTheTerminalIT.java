package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.runbookshell.testsupport.DockerTestEngine;

/** The operator's answers at a real terminal (tmux drives the built jar): taken literally, never guessed. */
class AnswersAtTheTerminalIT {

	@TempDir
	Path dir;

	@Test
	void aWordThatOnlyStartsWithYDoesNotRunAndStopStops() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Answers

				```bash {name=first}
				echo ran > first.txt
				```

				```bash {name=second}
				echo ran > second.txt
				```
				""");
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir, TmuxTerminal.runbook(this.dir, "run plan.md"))) {
			terminal.await("[y] run", Duration.ofSeconds(60));
			terminal.type("yolo");
			terminal.await("'yolo' is not an answer here. Type y or yes; s or skip; e or edit; a or all; q, quit or stop;",
					Duration.ofSeconds(10));
			terminal.type("STOP");
			terminal.await("EXIT=", Duration.ofSeconds(30));
		}

		assertThat(this.dir.resolve("first.txt")).doesNotExist();
		assertThat(this.dir.resolve("second.txt")).doesNotExist();
		assertThat(EditAtTheTerminalIT.events(TmuxTerminal.finishedJournal(this.dir), "decision"))
			.extracting(e -> e.get("choice").asText())
			.containsExactly("stop");
	}

	@Test
	void aChecklistItemIsOneQuestionNextIsNoAnswerAndAllTicksTheRestOfItsListEachRecorded() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Checks

				## Before

				- [ ] backups are fresh
				- [ ] the change window is open
				- [ ] the on-call engineer knows
				- [ ] the status page says maintenance

				## Also

				- [ ] the dashboard is open

				## Go

				```bash {name=go}
				echo go
				```
				""");
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir, TmuxTerminal.runbook(this.dir, "run plan.md"))) {
			terminal.await("[ ] backups are fresh", Duration.ofSeconds(60));
			terminal.type("next");
			terminal.await("'next' is not an answer here", Duration.ofSeconds(10));
			terminal.type("y taken at 02:00");
			terminal.await("[ ] the change window is open", Duration.ofSeconds(10));
			terminal.type("n");
			terminal.await("[ ] the on-call engineer knows", Duration.ofSeconds(10));
			terminal.type("a");
			terminal.await("[x] the status page says maintenance", Duration.ofSeconds(10));
			terminal.await("[ ] the dashboard is open", Duration.ofSeconds(10));
			terminal.type("u");
			terminal.await("[y] run", Duration.ofSeconds(10));
			terminal.type("q");
			terminal.await("EXIT=", Duration.ofSeconds(30));
			assertThat(terminal.screen()).doesNotContain("Note (Enter for none)");
		}

		List<JsonNode> checks = EditAtTheTerminalIT.events(TmuxTerminal.finishedJournal(this.dir), "check");
		assertThat(checks).extracting(c -> c.get("text").asText() + " = " + c.get("result").asText())
			.containsExactly("backups are fresh = checked", "the change window is open = unchecked",
					"the on-call engineer knows = checked", "the status page says maintenance = checked",
					"the dashboard is open = unverified");
		assertThat(checks.get(0).get("note").asText()).isEqualTo("taken at 02:00");
		assertThat(checks.get(3).get("note").asText()).isEqualTo("ticked at once with the rest of the list");
	}

	@Test
	void theTypedConfirmationOfARiskyBlockAsksForTheTargetsShortNameNotItsUri() throws Exception {
		try (DockerTestEngine docker = DockerTestEngine.require()) {
			Files.writeString(this.dir.resolve("plan.md"), """
					# Risky

					```bash {name=wipe confirm=typed}
					mkdir -p /tmp/scratch && rm -rf /tmp/scratch && echo wiped
					```
					""");
			String run = "run plan.md --target docker+image://" + DockerTestEngine.BASH_IMAGE;
			try (TmuxTerminal terminal = TmuxTerminal.start(this.dir, TmuxTerminal.runbook(this.dir, run))) {
				terminal.await("[y] run", Duration.ofSeconds(90));
				terminal.type("y");
				terminal.await("Type the target's name (bash) to run it:", Duration.ofSeconds(10));
				terminal.type("bash");
				terminal.await("EXIT=0", Duration.ofSeconds(60));
				assertThat(terminal.screen()).contains("wiped").doesNotContain("(docker+image://");
			}
		}
	}

	@Test
	void afterAllRemainingARiskyBlockShowsItsWholeTextBeforeTheNameIsTyped() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Risky after all

				```bash {name=first}
				echo first
				```

				```bash {name=wipe}
				rm -rf ./scratch && echo "wiped and then something else"
				```
				""");
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir, TmuxTerminal.runbook(this.dir, "run plan.md"))) {
			terminal.await("[y] run", Duration.ofSeconds(60));
			terminal.type("a");
			terminal.await("Type the target's name (local) to run it:", Duration.ofSeconds(30));
			String screen = terminal.screen();
			assertThat(screen.substring(screen.indexOf("wipe"))).as(screen)
				.contains("rm -rf ./scratch && echo \"wiped and then something else\"");
			terminal.type("local");
			terminal.await("EXIT=0", Duration.ofSeconds(30));
			assertThat(terminal.screen()).contains("wiped and then something else");
		}
	}

	@Test
	void ctrlCAtAChecklistItemStopsBeforeTheNextBlockAndTicksNothing() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Checks first

				- [ ] backups are fresh
				- [ ] the window is open

				```bash {name=after}
				echo ran > after.txt
				```
				""");
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir, TmuxTerminal.runbook(this.dir, "run plan.md"))) {
			terminal.await("Checked?", Duration.ofSeconds(60));
			terminal.keys("C-c");
			terminal.await("EXIT=", Duration.ofSeconds(30));
			assertThat(terminal.screen()).contains("stopped at the checklist: 0.1 after did not run")
				.doesNotContain("[ ] the window is open").doesNotContain("[y] run");
		}
		Path journal = TmuxTerminal.finishedJournal(this.dir);
		assertThat(EditAtTheTerminalIT.events(journal, "check")).isEmpty();
		assertThat(EditAtTheTerminalIT.events(journal, "decision")).extracting(d -> d.get("choice").asText())
			.containsExactly("stop");
		assertThat(EditAtTheTerminalIT.events(journal, "session-finished").get(0).get("status").asText())
			.isEqualTo("stopped");
		assertThat(this.dir.resolve("after.txt")).doesNotExist();
	}

}
