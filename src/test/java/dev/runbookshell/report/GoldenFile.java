package dev.runbookshell.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a rendering with {@code src/test/resources/report/NAME.golden}. To accept a changed rendering, run the
 * test with {@code -Dgolden.update=true}: the golden file is rewritten (review the diff before committing).
 */
final class GoldenFile {

	private static final Path DIR = Path.of("src", "test", "resources", "report");

	private GoldenFile() {
	}

	static void assertMatches(String name, String actual) throws IOException {
		Path golden = DIR.resolve(name + ".golden");
		if (Boolean.getBoolean("golden.update")) {
			Files.createDirectories(DIR);
			Files.writeString(golden, actual, StandardCharsets.UTF_8);
		}
		assertThat(golden).as("golden file (create it with -Dgolden.update=true)").exists();
		assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
	}

}
