package dev.runbookshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.runbookshell.shell.VersionInfo;

/**
 * {@code --version} is answered before Spring starts: the main class prints it from a class path that holds the
 * application's own classes only, without Spring or any other library.
 */
class VersionBeforeSpringTest {

	@ParameterizedTest
	@ValueSource(strings = { "--version", "-V" })
	void theVersionNeedsNoLibrary(String flag) throws Exception {
		Path classes = Path.of(RunbookShellApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classes.toString(), RunbookShellApplication.class.getName(), flag)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectErrorStream(true)
			.start();
		String output;
		try (var out = process.getInputStream()) {
			output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended").isTrue();

		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).isEqualTo(VersionInfo.ofThisBuild() + System.lineSeparator());
		assertThat(output).matches("runbook-shell \\d+\\.\\d+\\.\\d+\\R");
	}

}
