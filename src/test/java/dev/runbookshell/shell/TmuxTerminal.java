package dev.runbookshell.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.runbookshell.testsupport.Poll;
import dev.runbookshell.testsupport.RequiredComponent;

/**
 * A real terminal for tests: tmux runs a command in a detached session of its own, keys are typed with
 * {@code send-keys} and the screen is read with {@code capture-pane}. Every wait is for text on the screen.
 */
final class TmuxTerminal implements AutoCloseable {

	private static final String EXIT_MARKER = "EXIT=";

	private final String session = "rb-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

	private final boolean printsExit;

	private TmuxTerminal(boolean printsExit) {
		this.printsExit = printsExit;
	}

	/** Runs {@code command} (a shell command line) in {@code dir} on a 200x50 terminal. */
	static TmuxTerminal start(Path dir, String command) throws Exception {
		RequiredComponent.require(tmux("-V").exitCode() == 0, "tmux",
				"apt-get install -y tmux (scripts/prepare-test-env does)");
		TmuxTerminal terminal = new TmuxTerminal(command.contains("echo " + EXIT_MARKER));
		tmux("new-session", "-d", "-s", terminal.session, "-x", "200", "-y", "50", "-c", dir.toString(), command);
		return terminal;
	}

	/**
	 * The built jar with {@code arguments}, its home (history, debug log) in {@code home}, without $EDITOR or
	 * $VISUAL (the line editor), the exit code printed after it ends.
	 */
	static String runbook(Path home, String arguments) {
		return "env -u EDITOR -u VISUAL java -Duser.home=" + home + " -jar " + RunbookCli.JAR + " " + arguments
				+ " 2>&1; echo " + EXIT_MARKER + "$?; sleep 60";
	}

	/** Types {@code line} and Enter. */
	void type(String line) throws Exception {
		text(line);
		keys("Enter");
	}

	/** Types {@code text} as it is. */
	void text(String text) throws Exception {
		tmux("send-keys", "-t", this.session, "-l", text);
	}

	/** Presses keys by their tmux names ({@code Enter}, {@code Escape}, {@code C-c}). */
	void keys(String... keys) throws Exception {
		List<String> command = new ArrayList<>(List.of("send-keys", "-t", this.session));
		command.addAll(List.of(keys));
		tmux(command.toArray(String[]::new));
	}

	/** The screen and the 200 lines above it. */
	String screen() throws Exception {
		return tmux("capture-pane", "-p", "-t", this.session, "-S", "-200").output();
	}

	/**
	 * Where the cursor is: its line counted from the first line tmux holds (history included), so that a question
	 * asked again on the same screen row is seen as a new one, and the text of that line.
	 */
	Cursor cursor() throws Exception {
		String[] at = tmux("display-message", "-p", "-t", this.session,
				"#{history_size} #{history_limit} #{cursor_y}").output().trim().split(" ");
		int y = Integer.parseInt(at[2]);
		String line = tmux("capture-pane", "-p", "-t", this.session, "-S", at[2], "-E", at[2]).output().stripTrailing();
		return new Cursor(Long.parseLong(at[0]) + y, line, Long.parseLong(at[0]) >= Long.parseLong(at[1]));
	}

	/**
	 * @param row the cursor's line, history included
	 * @param line its text, without trailing blanks
	 * @param historyFull tmux dropped lines from its history: rows no longer grow
	 */
	record Cursor(long row, String line, boolean historyFull) {
	}

	/** Waits until the screen shows {@code text}, and returns the screen then. */
	String await(String text, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		String last = "";
		while (System.nanoTime() < deadline) {
			last = screen();
			if (last.contains(text)) {
				return last;
			}
			Thread.sleep(Poll.MILLIS);
		}
		throw new AssertionError("'" + text + "' did not appear within " + timeout + "; screen:\n" + last);
	}

	/** Waits until the screen shows {@code text} {@code count} times (a prompt asked again). */
	void awaitCount(String text, int count, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		String last = "";
		while (System.nanoTime() < deadline) {
			last = screen();
			if (last.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= count) {
				return;
			}
			Thread.sleep(Poll.MILLIS);
		}
		throw new AssertionError("'" + text + "' did not appear " + count + " times within " + timeout + "; screen:\n"
				+ last);
	}

	static void awaitContent(Path file, String text, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.exists(file) && Files.readString(file).contains(text)) {
				return;
			}
			Thread.sleep(Poll.MILLIS);
		}
		throw new AssertionError(file + " has no " + text + " after " + timeout);
	}

	/** The only journal in {@code dir}/migration-logs, once its session has finished. */
	static Path finishedJournal(Path dir) throws Exception {
		try (var logs = Files.list(dir.resolve("migration-logs"))) {
			Path journal = logs.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
			awaitContent(journal, "\"session-finished\"", Duration.ofSeconds(15));
			return journal;
		}
	}

	/**
	 * Ends the session. A tool that has not ended yet (a test failed half-way) is first asked to stop, Ctrl-C at
	 * its question, Ctrl-D at the shell's prompt, and given time to remove what it started (a throwaway
	 * container): killing the terminal would leave it behind.
	 */
	@Override
	public void close() throws Exception {
		try {
			if (this.printsExit && !screen().contains(EXIT_MARKER)) {
				keys("C-c");
				keys("C-d");
				await(EXIT_MARKER, Duration.ofSeconds(30));
			}
		}
		catch (AssertionError ex) {
			// It did not end: the kill below is all that is left.
		}
		finally {
			tmux("kill-session", "-t", this.session);
		}
	}

	private record Run(int exitCode, String output) {
	}

	private static Run tmux(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("tmux"));
		command.addAll(List.of(args));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return new Run(127, ex.getMessage());
		}
		try (var out = process.getInputStream()) {
			String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Run(124, output);
			}
			return new Run(process.exitValue(), output);
		}
	}

}
