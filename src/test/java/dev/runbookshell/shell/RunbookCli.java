package dev.runbookshell.shell;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built jar ({@code target/runbook.jar}) as a subprocess with stdin from /dev/null. */
final class RunbookCli {

	static final Path JAR = Path.of("target/runbook.jar").toAbsolutePath();

	private RunbookCli() {
	}

	/**
	 * How a run ended.
	 * @param exitCode the process exit code
	 * @param stdout everything printed on stdout
	 * @param stderr everything printed on stderr
	 * @param elapsed how long it took
	 */
	record Result(int exitCode, String stdout, String stderr, Duration elapsed) {

		String all() {
			return this.stdout + this.stderr;
		}

	}

	static Result run(Path dir, Duration timeout, String... args) throws IOException, InterruptedException {
		Process process = start(dir, args);
		return waitFor(process, dir, timeout);
	}

	static Process start(Path dir, String... args) throws IOException {
		return start(dir, null, Map.of(), args);
	}

	/**
	 * @param home the user's home for the run (its {@code .ssh}), or null for this user's
	 * @param environment variables added to the run's environment
	 */
	static Process start(Path dir, Path home, Map<String, String> environment, String... args) throws IOException {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException("build the jar first: ./mvnw package (missing " + JAR + ")");
		}
		// As the ./runbook launcher starts it: Spring's build-time bean definitions and the quick compiler.
		List<String> command = new ArrayList<>(List.of("java", "-Dspring.aot.enabled=true", "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC"));
		if (home != null) {
			command.add("-Duser.home=" + home);
		}
		command.addAll(List.of("-jar", JAR.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectOutput(dir.resolve(".stdout").toFile())
			.redirectError(dir.resolve(".stderr").toFile());
		builder.environment().put("RUNBOOK_DEBUG_LOG", dir.resolve(".debug.log").toString());
		builder.environment().putAll(environment);
		return builder.start();
	}

	static Result waitFor(Process process, Path dir, Duration timeout) throws IOException, InterruptedException {
		long started = System.nanoTime();
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
				throw new AssertionError("runbook did not end within " + timeout + "; stdout so far:\n"
						+ Files.readString(dir.resolve(".stdout")));
			}
		}
		finally {
			process.destroyForcibly();
		}
		// decoded leniently: a report may print a runbook's invalid UTF-8 as it is (tests read the bytes themselves)
		return new Result(process.exitValue(),
				new String(Files.readAllBytes(dir.resolve(".stdout")), StandardCharsets.UTF_8),
				new String(Files.readAllBytes(dir.resolve(".stderr")), StandardCharsets.UTF_8),
				Duration.ofNanos(System.nanoTime() - started));
	}

	/** Every file under {@code dir} (recursively) whose content contains {@code text}. */
	static List<Path> filesContaining(Path dir, String text) throws IOException {
		try (var files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).filter(file -> {
				try {
					return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(text);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).toList();
		}
	}

	/** The one journal under {@code logDir}. */
	static Path journal(Path logDir) throws IOException {
		try (var files = Files.list(logDir)) {
			List<Path> journals = files.filter(f -> f.toString().endsWith(".jsonl")).toList();
			if (journals.size() != 1) {
				throw new AssertionError("expected one journal in " + logDir + ", found " + journals);
			}
			return journals.get(0);
		}
	}

}
