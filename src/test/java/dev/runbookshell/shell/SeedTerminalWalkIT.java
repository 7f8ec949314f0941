package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.runbookshell.testsupport.DockerTestEngine;
import dev.runbookshell.testsupport.Poll;
import dev.runbookshell.testsupport.SeedPlans;

/**
 * Each of the five real plans in {@code shared/seeds}, walked at a tmux terminal against a throwaway container of
 * the bash image as a new operator walks it: every question answered from what the screen asks, a few blocks that
 * hold backslashes and quotes edited (one left as it was, one changed). The migration log must call no block
 * succeeded while one of its commands failed, and an edited block must have run exactly the text the operator
 * left.
 */
class SeedTerminalWalkIT {

	private static final String TARGET = "docker+image://" + DockerTestEngine.BASH_IMAGE;

	/** What an operator types at the end of the last line of a block to change it. */
	private static final String APPENDED = "  # reviewed";

	/** Blocks edited on the way: their fence line in the seed, and what is typed (null: nothing, Enter). */
	private static final Map<String, List<Edit>> EDITS = Map.of("000_7cb58602fd4f705e.txt",
			List.of(new Edit("8.1.1", 273, APPENDED), new Edit("9.3.1", 363, null)), "002_0551bd52d72e14d2.txt",
			List.of(new Edit("4.1", 95, null), new Edit("5.1", 115, APPENDED)));

	@TempDir
	Path dir;

	@BeforeAll
	static void engine() {
		DockerTestEngine.require().close();
	}

	static Stream<String> seeds() throws Exception {
		try (Stream<Path> files = Files.list(SeedPlans.directory())) {
			List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted()
				.toList();
			assertThat(names).as("the seeds").hasSize(5);
			return names.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("seeds")
	void walkedAtATerminalTheLogCallsNoBlockWithAFailedCommandSucceededAndEditsRanAsTheOperatorLeftThem(String seed)
			throws Exception {
		String plan = "seed" + seed.substring(0, 3) + ".md";
		Path source = SeedPlans.directory().resolve(seed);
		Files.copy(source, this.dir.resolve(plan));
		List<Edit> edits = EDITS.getOrDefault(seed, List.of());
		SeedWalk.Result walked;
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir,
				TmuxTerminal.runbook(this.dir, "run " + plan + " --target " + TARGET))) {
			walked = new SeedWalk(terminal, edits.stream().map(Edit::block).toList(), edit -> edits.stream()
				.filter(e -> e.block().equals(edit)).findFirst().orElseThrow().typed()).toTheEnd();
		}

		Path journal = TmuxTerminal.finishedJournal(this.dir);
		List<JsonNode> finished = EditAtTheTerminalIT.events(journal, "block-finished");
		List<JsonNode> started = EditAtTheTerminalIT.events(journal, "block-started");
		String status = EditAtTheTerminalIT.events(journal, "session-finished").get(0).get("status").asText();
		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(started.stream().map(s -> id(s)).distinct().count())
			.as("blocks started, of the %d the walk was shown", walked.blocks())
			.isEqualTo(walked.blocks());
		softly.assertThat(walked.exitCode()).as("exit code of a session that ended " + status)
			.isEqualTo(switch (status) {
				case "failed" -> 1;
				case "interrupted" -> 130;
				default -> 0;
			});
		for (JsonNode block : finished) {
			String output = block.path("output").asText();
			boolean failedCommands = !block.path("failedCommands").isEmpty();
			String what = id(block) + " (" + block.get("status").asText() + ", output: " + output.strip() + ")";
			if (block.get("status").asText().equals("succeeded")) {
				softly.assertThat(failedCommands).as("succeeded with failedCommands: " + what).isFalse();
				softly.assertThat(output).as("succeeded: " + what).doesNotContain("command not found");
			}
			if (output.contains("command not found")) {
				softly.assertThat(failedCommands).as("no failedCommands for: " + what).isTrue();
			}
		}
		for (JsonNode decision : EditAtTheTerminalIT.events(journal, "decision")) {
			if (decision.has("text")) {
				softly.assertThat(commandAfter(decision, journal))
					.as("what %s ran after the operator's edit", id(decision))
					.isEqualTo(decision.get("text").asText());
			}
		}
		for (Edit edit : edits) {
			String runbookText = blockText(source, edit.fenceLine());
			List<String> ran = started.stream().filter(s -> id(s).equals(edit.block()))
				.map(s -> s.get("command").asText()).toList();
			String expected = edit.typed() == null ? runbookText
					: runbookText.substring(0, runbookText.length() - 1) + edit.typed() + "\n";
			softly.assertThat(ran).as("what %s ran, edited with %s", edit.block(),
					edit.typed() == null ? "no change" : "'" + edit.typed() + "' typed")
				.containsExactly(expected);
		}
		// the Markdown log beside the journal: a block with a failed command is never headed "succeeded"
		String log = Files.readString(journal.resolveSibling(journal.getFileName().toString()
			.replaceFirst("\\.jsonl$", ".md")));
		finished.stream().filter(f -> !f.path("failedCommands").isEmpty()).map(SeedTerminalWalkIT::id).distinct()
			.forEach(failed -> softly.assertThat(log.lines().filter(l -> l.startsWith("### " + failed + " ")))
				.as("the Markdown log's heading of %s", failed)
				.isNotEmpty()
				.noneMatch(l -> l.endsWith(": succeeded")));
		softly.assertAll();
	}

	private static String id(JsonNode event) {
		return event.get("block").get("id").asText();
	}

	/** The command of the block-started that follows {@code decision}, for the same block. */
	private static String commandAfter(JsonNode decision, Path journal) throws Exception {
		long seq = decision.get("seq").asLong();
		return EditAtTheTerminalIT.events(journal, "block-started").stream()
			.filter(s -> s.get("seq").asLong() > seq && id(s).equals(id(decision)))
			.findFirst()
			.map(s -> s.get("command").asText())
			.orElse(null);
	}

	/** The lines between the fence on line {@code fence} (1-based) of the seed and its closing fence, each ended. */
	private static String blockText(Path seed, int fence) throws Exception {
		List<String> lines = Files.readAllLines(seed);
		assertThat(lines.get(fence - 1)).as("%s:%d", seed.getFileName(), fence).startsWith("```");
		StringBuilder text = new StringBuilder();
		for (int i = fence; !lines.get(i).startsWith("```"); i++) {
			text.append(lines.get(i)).append('\n');
		}
		return text.toString();
	}

	/**
	 * A block the walk edits.
	 * @param block its id
	 * @param fenceLine the line of its opening fence in the seed
	 * @param typed what is typed at the end of its text before Enter; null to leave it as it is
	 */
	private record Edit(String block, int fenceLine, String typed) {
	}

	/**
	 * Answers what the screen asks until the tool ends: y before a block, i after a failure, the target's short
	 * name for a risky block, a at a checklist, a value for a value, and for the blocks to edit {@code e} and what
	 * is to be typed. A question is answered once (tmux's cursor row tells a question asked again from the last
	 * one); one it does not know, or none for {@link #QUIET}, fails with the screen.
	 */
	private static final class SeedWalk {

		/** Longer than any seed block takes on this image, and than the tool's start with a new container. */
		private static final Duration QUIET = Duration.ofSeconds(60);

		private static final Duration WALK = Duration.ofSeconds(180);

		private static final Pattern HEADER = Pattern.compile("==> \\[\\d+/(\\d+)] (\\S+) ");

		private static final Pattern EXIT = Pattern.compile("(?m)^EXIT=(\\d+)$");

		private static final Pattern VALUE = Pattern.compile("value for \\S+:$");

		private final TmuxTerminal terminal;

		private final List<String> toEdit;

		private final Function<String, String> typed;

		private final List<String> edited = new ArrayList<>();

		SeedWalk(TmuxTerminal terminal, List<String> toEdit, Function<String, String> typed) {
			this.terminal = terminal;
			this.toEdit = toEdit;
			this.typed = typed;
		}

		record Result(int exitCode, long blocks) {
		}

		Result toTheEnd() throws Exception {
			long deadline = System.nanoTime() + WALK.toNanos();
			long answeredRow = -1;
			long quietSince = System.nanoTime();
			long blocks = -1;
			while (true) {
				// The screen and the cursor as one: read while nothing moves (a question waits), else again.
				TmuxTerminal.Cursor cursor = this.terminal.cursor();
				String screen = this.terminal.screen();
				boolean still = cursor.equals(this.terminal.cursor());
				Matcher exit = EXIT.matcher(screen);
				if (exit.find()) {
					assertThat(this.edited).as("blocks edited").containsExactlyInAnyOrderElementsOf(this.toEdit);
					return new Result(Integer.parseInt(exit.group(1)), blocks);
				}
				assertThat(cursor.historyFull()).as("tmux's history is full: rows no longer tell questions apart")
					.isFalse();
				String answer = still && cursor.row() > answeredRow ? answer(cursor.line(), screen) : null;
				if (answer != null) {
					Matcher header = lastHeader(screen);
					if (header != null) {
						blocks = Long.parseLong(header.group(1));
					}
					answeredRow = cursor.row();
					quietSince = System.nanoTime();
					if (answer.equals("e")) {
						edit(header.group(2));
					}
					else {
						this.terminal.type(answer);
					}
					continue;
				}
				if (System.nanoTime() - quietSince > QUIET.toNanos() || System.nanoTime() > deadline) {
					throw new AssertionError("the walk stopped at a question it does not know (or none came): '"
							+ cursor.line() + "'; screen:\n" + screen);
				}
				Thread.sleep(Poll.MILLIS);
			}
		}

		/** The answer to the question on the cursor's line, null when that line asks nothing the walk knows. */
		private String answer(String line, String screen) {
			if (line.endsWith("· [?] help")) {
				Matcher header = lastHeader(screen);
				boolean edit = header != null && this.toEdit.contains(header.group(2))
						&& !this.edited.contains(header.group(2));
				return edit ? "e" : "y";
			}
			if (line.startsWith("Run the edited text?") && line.endsWith("[q] stop")) {
				return "y";
			}
			if (line.startsWith("[r] retry") && line.contains("[i] ignore and continue") && line.endsWith("[q] stop")) {
				return "i";
			}
			if (line.equals("Type the target's name (bash) to run it:")) {
				return "bash";
			}
			if (line.startsWith("Checked? ") && line.endsWith("(a note may follow)")) {
				return "a";
			}
			if (VALUE.matcher(line).find()) {
				return "seed-value";
			}
			return null;
		}

		/** {@code e}, then, once the line editor shows the block, what is to be typed and Enter. */
		private void edit(String block) throws Exception {
			this.edited.add(block);
			this.terminal.type("e");
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			String screen = this.terminal.screen();
			while (!afterTheAnswer(screen).contains("\nedit> ")) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("no line editor for " + block + " after e; screen:\n" + screen);
				}
				Thread.sleep(Poll.MILLIS);
				screen = this.terminal.screen();
			}
			String text = this.typed.apply(block);
			if (text != null) {
				this.terminal.text(text);
			}
			this.terminal.keys("Enter");
		}

		private static String afterTheAnswer(String screen) {
			int answered = screen.lastIndexOf("[?] help e");
			return answered < 0 ? "" : screen.substring(answered);
		}

		private static Matcher lastHeader(String screen) {
			Matcher header = HEADER.matcher(screen);
			Matcher last = null;
			while (header.find()) {
				last = HEADER.matcher(screen);
				last.find(header.start());
			}
			return last;
		}

	}

}
