package dev.runbookshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./runbook} launcher as a user on a fresh clone meets it: a copy of the script and the built jar in a
 * folder of their own, so that the class-data archive it trains there is this test's. A first run trains the
 * archive; a broken, outdated or foreign archive never breaks a run or shows in its output.
 */
class LauncherIT {

	private static final long TIMEOUT_SECONDS = 300;

	@TempDir
	static Path clone;

	private record Run(int exit, String stdout, String stderr) {
	}

	@BeforeAll
	static void freshClone() throws Exception {
		Path jar = Path.of("target/runbook.jar");
		assertThat(jar).as("built by 'package' before integration tests").exists();
		Files.createDirectories(clone.resolve("target"));
		Files.createDirectories(clone.resolve("runbooks"));
		Files.copy(jar, clone.resolve("target/runbook.jar"));
		Files.copy(Path.of("runbooks/demo.md"), clone.resolve("runbooks/demo.md"));
		Files.copy(Path.of("runbook"), clone.resolve("runbook"), StandardCopyOption.COPY_ATTRIBUTES);

		Run first = launch(Map.of(), "--version");

		assertThat(first.exit()).as(first.stderr()).isZero();
		assertThat(first.stdout()).matches("runbook-shell \\S+\\R");
		assertThat(first.stderr()).isEmpty();
		assertThat(archives()).as("trained on the first run").hasSize(1);
	}

	private static Run launch(Map<String, String> environment, String... args) throws IOException, InterruptedException {
		Path out = clone.resolve(".stdout");
		Path err = clone.resolve(".stderr");
		ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("./runbook"), Stream.of(args)).toList())
			.directory(clone.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		builder.environment().remove("JAVA_HOME");
		builder.environment().put("RUNBOOK_DEBUG_LOG", clone.resolve(".debug.log").toString());
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("./runbook %s ended", List.of(args))
				.isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private static List<Path> archives() throws IOException {
		try (Stream<Path> files = Files.list(clone.resolve("target/cds"))) {
			return files.filter(f -> f.toString().endsWith(".aot") || f.toString().endsWith(".jsa")).toList();
		}
	}

	private static Path archive() throws IOException {
		assertThat(archives()).hasSize(1);
		return archives().get(0);
	}

	private static void assertListWorks() throws Exception {
		Run list = launch(Map.of(), "list", "runbooks/demo.md", "--json");
		assertThat(list.exit()).as(list.stderr()).isZero();
		assertThat(list.stderr()).isEmpty();
		assertThat(new ObjectMapper().readTree(list.stdout()).get("title").asText()).startsWith("runbook-shell demo");
	}

	@Test
	void aBrokenArchiveIsIgnoredWithoutAWord() throws Exception {
		Path archive = archive();
		archive.toFile().setWritable(true);
		byte[] garbage = new byte[64 * 1024];
		new java.util.Random(15).nextBytes(garbage);
		Files.write(archive, garbage);

		assertListWorks();
	}

	@Test
	void anArchiveOlderThanItsJdkIsTrainedAgain() throws Exception {
		Path archive = archive();
		Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));

		assertListWorks();

		assertThat(Files.getLastModifiedTime(archive()).toInstant()).isAfter(Instant.parse("2001-01-01T00:00:00Z"));
	}

	@Test
	void aRebuiltJarIsExtractedAndTrainedAgain() throws Exception {
		Path jar = clone.resolve("target/runbook.jar");
		Instant rebuilt = Instant.now().plusSeconds(5);
		Files.setLastModifiedTime(jar, FileTime.from(rebuilt));

		assertListWorks();

		assertThat(Files.getLastModifiedTime(clone.resolve("target/cds/app/runbook.jar")).toInstant())
			.isAfterOrEqualTo(rebuilt.minusSeconds(1));
		assertThat(Files.getLastModifiedTime(archive()).toInstant()).isAfterOrEqualTo(rebuilt.minusSeconds(1));

		// The jar is stamped ahead of the clock: what was made for it is current, not made again on the next run.
		FileTime trained = Files.getLastModifiedTime(archive());
		assertListWorks();
		assertThat(Files.getLastModifiedTime(archive())).isEqualTo(trained);
	}

	@Test
	void theInteractiveShellStartsWithoutWarnings() throws Exception {
		Run shell = launch(Map.of());

		assertThat(shell.exit()).as(shell.stderr()).isZero();
		assertThat(shell.stdout()).contains("runbook-shell ").contains("type 'help' for commands");
		assertThat(shell.stdout() + shell.stderr()).doesNotContainIgnoringCase("warning");
	}

	@Test
	void javaHomeWinsOverTheJdksInstalled() throws Exception {
		String javaHome = System.getProperty("java.home");

		Run which = launch(Map.of("JAVA_HOME", javaHome, "RUNBOOK_WHICH_JAVA", "1"));

		assertThat(which.stdout()).isEqualTo(javaHome + "/bin/java\n");
	}

	@Test
	void withoutJavaHomeTheNewestJdk25OrLaterIsPreferred() throws Exception {
		int newest = 0;
		String newestHome = null;
		File[] jdks = new File("/usr/lib/jvm").listFiles();
		for (File jdk : jdks == null ? new File[0] : jdks) {
			Path release = jdk.toPath().resolve("release");
			if (Files.isRegularFile(release) && Files.isExecutable(jdk.toPath().resolve("bin/java"))) {
				Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
				if (version.find() && Integer.parseInt(version.group(1)) > newest) {
					newest = Integer.parseInt(version.group(1));
					newestHome = jdk.getPath();
				}
			}
		}

		Run which = launch(Map.of("RUNBOOK_WHICH_JAVA", "1"));

		assertThat(which.exit()).isZero();
		if (newest >= 25) {
			assertThat(which.stdout()).isEqualTo(newestHome + "/bin/java\n");
		}
		else {
			String onPath = Stream.of(System.getenv("PATH").split(File.pathSeparator))
				.map(dir -> Path.of(dir, "java"))
				.filter(Files::isExecutable)
				.findFirst()
				.map(Path::toString)
				.orElseThrow();
			assertThat(which.stdout()).isEqualTo(onPath + "\n");
		}
	}

}
