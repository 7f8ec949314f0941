package dev.runbookshell.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.runbookshell.testsupport.RequiredComponent;

/**
 * A real terminal for prompt tests: a tmux session running a command in a folder, typed into and read back from
 * the screen. Close it to kill the session.
 */
final class TmuxTerminal implements AutoCloseable {

	private final String name = "rb-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

	private TmuxTerminal() {
	}

	/** Starts {@code command} (a shell command line) in {@code dir} on a 200x50 terminal. */
	static TmuxTerminal start(Path dir, String command) throws IOException, InterruptedException {
		RequiredComponent.require(tmux("-V").exitCode == 0, "tmux",
				"apt-get install -y tmux (scripts/prepare-test-env does)");
		TmuxTerminal terminal = new TmuxTerminal();
		tmux("new-session", "-d", "-s", terminal.name, "-x", "200", "-y", "50", "-c", dir.toString(), command);
		return terminal;
	}

	/** The jar's command line, for {@link #start}. */
	static String runbook(String arguments) {
		return "java -jar " + RunbookCli.JAR + " " + arguments;
	}

	void type(String line) throws IOException, InterruptedException {
		tmux("send-keys", "-t", this.name, "-l", line);
		tmux("send-keys", "-t", this.name, "Enter");
	}

	void keys(String keys) throws IOException, InterruptedException {
		tmux("send-keys", "-t", this.name, keys);
	}

	String screen() throws IOException, InterruptedException {
		return tmux("capture-pane", "-p", "-t", this.name, "-S", "-400").output;
	}

	/** Waits until {@code text} is on the screen; fails with the screen when it does not come. */
	String await(String text, Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		String last = "";
		while (System.nanoTime() < deadline) {
			last = screen();
			if (last.contains(text)) {
				return last;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("'" + text + "' did not appear within " + timeout + "; screen:\n" + last);
	}

	@Override
	public void close() throws IOException, InterruptedException {
		tmux("kill-session", "-t", this.name);
	}

	/** How one tmux command ended. */
	record Run(int exitCode, String output) {
	}

	static Run tmux(String... args) throws IOException, InterruptedException {
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
