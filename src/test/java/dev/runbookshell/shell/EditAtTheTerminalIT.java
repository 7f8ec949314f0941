package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Editing a block at a real terminal (tmux drives the built jar): what runs is what the operator left. */
class EditAtTheTerminalIT {

	private static final String BYTES_BLOCK = "printf 'a\\tb|\\n' > out.txt\nprintf '%s\\n' \"x\\\\y  \" >> out.txt   \n";

	@TempDir
	Path dir;

	private void runbook(String block) throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), "# Edit\n\n```bash {name=bytes}\n" + block + "```\n");
	}

	@Test
	void anEditLeftUnchangedRunsTheRunbooksBytesBackslashesTabsAndTrailingSpacesIncluded() throws Exception {
		runbook(BYTES_BLOCK);
		try (TmuxTerminal terminal = editing(TmuxTerminal.runbook(this.dir, "run plan.md"))) {
			terminal.keys("Enter");
			terminal.await("(no change: nothing to review)", Duration.ofSeconds(10));
			terminal.type("y");
			terminal.await("EXIT=0", Duration.ofSeconds(30));
		}

		assertThat(Files.readString(this.dir.resolve("out.txt"))).isEqualTo("a\tb|\nx\\y  \n");
		assertThat(events(TmuxTerminal.finishedJournal(this.dir), "decision")).extracting(e -> e.get("choice").asText())
			.containsExactly("run");
	}

	@Test
	void anEditIsShownAsADiffAgainstTheRunbookAndOnlyTheLineTheOperatorChangedDiffers() throws Exception {
		runbook(BYTES_BLOCK);
		try (TmuxTerminal terminal = editing(TmuxTerminal.runbook(this.dir, "run plan.md"))) {
			terminal.type("# edited");
			terminal.await("Run the edited text?", Duration.ofSeconds(10));
			assertThat(terminal.screen()).contains("--- runbook", "+++ edit",
					"-printf '%s\\n' \"x\\\\y  \" >> out.txt", "+printf '%s\\n' \"x\\\\y  \" >> out.txt   # edited");
			terminal.type("y");
			terminal.await("EXIT=0", Duration.ofSeconds(30));
		}

		String edited = "printf 'a\\tb|\\n' > out.txt\nprintf '%s\\n' \"x\\\\y  \" >> out.txt   # edited\n";
		assertThat(Files.readString(this.dir.resolve("out.txt"))).isEqualTo("a\tb|\nx\\y  \n");
		List<JsonNode> decisions = events(TmuxTerminal.finishedJournal(this.dir), "decision");
		assertThat(decisions).extracting(e -> e.get("choice").asText()).containsExactly("edit");
		assertThat(decisions.get(0).get("text").asText()).isEqualTo(edited);
	}

	@Test
	void anApostropheInACommentDoesNotTrapTheEditorAndAltEnterAddsALine() throws Exception {
		runbook("# don't run this on the primary\necho first > ok.txt\n");
		try (TmuxTerminal terminal = editing(TmuxTerminal.runbook(this.dir, "run plan.md"))) {
			terminal.keys("Enter");
			terminal.await("(no change: nothing to review)", Duration.ofSeconds(10));
			terminal.type("e");
			terminal.awaitCount("edit> ", 2, Duration.ofSeconds(10));
			terminal.keys("M-Enter");
			terminal.type("echo 'second' >> ok.txt");
			terminal.await("Run the edited text?", Duration.ofSeconds(10));
			terminal.type("y");
			terminal.await("EXIT=0", Duration.ofSeconds(30));
			assertThat(terminal.screen()).doesNotContain("quote>");
		}

		assertThat(Files.readString(this.dir.resolve("ok.txt"))).isEqualTo("first\nsecond\n");
	}

	@Test
	void withEditorSetTheEditIsMadeInItAndUntouchedBytesSurvive() throws Exception {
		runbook(BYTES_BLOCK);
		Path editor = this.dir.resolve("append-line.sh");
		Files.writeString(editor, "#!/bin/sh\nprintf 'echo appended >> out.txt\\n' >> \"$1\"\n");
		Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
		String command = TmuxTerminal.runbook(this.dir, "run plan.md")
			.replace("env -u EDITOR -u VISUAL", "env -u VISUAL EDITOR=" + editor);
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir, command)) {
			terminal.await("[y] run", Duration.ofSeconds(60));
			terminal.type("e");
			terminal.await("+echo appended >> out.txt", Duration.ofSeconds(10));
			terminal.type("yes");
			terminal.await("EXIT=0", Duration.ofSeconds(30));
		}

		assertThat(Files.readString(this.dir.resolve("out.txt"))).isEqualTo("a\tb|\nx\\y  \nappended\n");
	}

	/** Runs {@code command} and answers {@code e} to the first block: the line editor waits. */
	private TmuxTerminal editing(String command) throws Exception {
		TmuxTerminal terminal = TmuxTerminal.start(this.dir, command);
		try {
			terminal.await("[y] run", Duration.ofSeconds(60));
			terminal.type("e");
			terminal.await("edit> ", Duration.ofSeconds(10));
			return terminal;
		}
		catch (Exception | AssertionError ex) {
			terminal.close();
			throw ex;
		}
	}

	static List<JsonNode> events(Path journal, String type) throws Exception {
		ObjectMapper json = new ObjectMapper();
		return Files.readAllLines(journal)
			.stream()
			.map(line -> {
				try {
					return json.readTree(line);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			})
			.filter(event -> event.get("type").asText().equals(type))
			.toList();
	}

}
