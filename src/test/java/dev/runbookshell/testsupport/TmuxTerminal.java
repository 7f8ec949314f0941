package dev.runbookshell.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real terminal for a test: a detached tmux session of its own running one shell command, read back as the
 * operator would see it. Missing tmux fails under CI=true, skips otherwise.
 */
public final class TmuxTerminal implements AutoCloseable {

	private final String session;

	private TmuxTerminal(String session) {
		this.session = session;
	}

	/** Runs {@code command} with {@code sh -c} in {@code dir}, in a 200x50 terminal. */
	public static TmuxTerminal start(Path dir, String command) throws IOException, InterruptedException {
		RequiredComponent.require(tmux("-V").startsWith("tmux"), "tmux",
				"apt-get install -y tmux (scripts/prepare-test-env does)");
		String session = "rb-term-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
		tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", "-c", dir.toString(), command);
		return new TmuxTerminal(session);
	}

	/** Types {@code line} and presses Enter. */
	public void typeLine(String line) throws IOException, InterruptedException {
		tmux("send-keys", "-t", this.session, "-l", line);
		tmux("send-keys", "-t", this.session, "Enter");
	}

	/** The screen and up to 500 lines of scrollback. */
	public String screen() throws IOException, InterruptedException {
		return tmux("capture-pane", "-p", "-J", "-t", this.session, "-S", "-500");
	}

	/** Waits until {@code text} is on the screen; fails with the screen after {@code timeout}. */
	public String await(String text, Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		String shown = screen();
		while (!shown.contains(text)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("'" + text + "' not on the terminal after " + timeout + ":\n" + shown);
			}
			Thread.sleep(200);
			shown = screen();
		}
		return shown;
	}

	@Override
	public void close() throws IOException, InterruptedException {
		tmux("kill-session", "-t", this.session);
	}

	private static String tmux(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("tmux"));
		command.addAll(List.of(args));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return ""; // no tmux
		}
		try (var output = process.getInputStream()) {
			String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			return text;
		}
	}

}
