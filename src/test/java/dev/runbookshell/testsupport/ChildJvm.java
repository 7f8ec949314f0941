package dev.runbookshell.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test classpath in a new JVM with the given heap limit and returns what it printed. */
public final class ChildJvm {

	private ChildJvm() {
	}

	/** @return stdout and stderr of the child, and its exit code on the last line as {@code exit=N} */
	public static String run(String maxHeap, Class<?> main, List<String> args, long timeoutSeconds)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"), main.getName()));
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (var output = process.getInputStream()) {
			String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return text + "\nexit=timeout";
			}
			return text + "\nexit=" + process.exitValue();
		}
	}

}
