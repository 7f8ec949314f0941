package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the built jar as an operator would: one command per process, stdout and stderr and exit code checked. */
class RunbookCommandsIT {

	private static final Path JAR = Path.of("target/runbook.jar");

	@TempDir
	Path dir;

	private Result run(String... args) throws IOException, InterruptedException {
		assertThat(JAR).as("built by 'package' before integration tests").exists();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", JAR.toString()));
		command.addAll(List.of(args));
		Path out = this.dir.resolve("stdout");
		Path err = this.dir.resolve("stderr");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
			.start();
		try {
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("runbook %s finished", List.of(args)).isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private record Result(int exit, String stdout, String stderr) {
	}

	@Test
	void listJsonPrintsExactlyOneJsonObjectDescribingTheRunbook() throws Exception {
		Result result = run("list", "runbooks/demo.md", "--json");
		assertThat(result.exit()).isZero();
		ObjectMapper mapper = new ObjectMapper();
		var parser = mapper.getFactory().createParser(result.stdout());
		JsonNode root = mapper.readTree(parser);
		assertThat(parser.nextToken()).as("nothing after the JSON object").isNull();
		assertThat(root.isObject()).isTrue();
		assertThat(root.fieldNames()).toIterable()
			.containsExactly("title", "file", "sha256", "sections", "blocks", "checklists");
		assertThat(root.get("sha256").asText()).matches("[0-9a-f]{64}");
		JsonNode first = root.get("blocks").get(0);
		assertThat(first.fieldNames()).toIterable().containsExactly("id", "name", "line", "language", "executable",
				"section", "hash", "content", "annotations", "placeholders", "expect");
		assertThat(first.get("id").asText()).isEqualTo("1.1");
		assertThat(first.get("name").asText()).isEqualTo("scratch-dir");
		assertThat(first.get("hash").asText()).startsWith("sha256:");
		assertThat(root.get("sections")).anyMatch(s -> s.get("rollback").asBoolean());
		assertThat(root.get("checklists")).isNotEmpty();
		assertThat(result.stderr()).isEmpty();
	}

	@Test
	void aMissingFileIsAUsageErrorInOneLine() throws Exception {
		assertOneLineUsageError(run("list", "no/such/runbook.md"), "no such file");
	}

	@Test
	void aDirectoryIsAUsageErrorInOneLine() throws Exception {
		assertOneLineUsageError(run("lint", "runbooks"), "is a directory");
	}

	@Test
	void aBinaryFileIsAUsageErrorInOneLine() throws Exception {
		Path binary = Files.write(this.dir.resolve("image.md"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 1 });
		assertOneLineUsageError(run("list", binary.toString(), "--json"), "binary file");
	}

	@Test
	void badYamlFrontMatterIsAUsageErrorNamingTheLine() throws Exception {
		Path bad = Files.writeString(this.dir.resolve("bad.md"), "---\ntitle: x\ntargets: [a\n---\n# T\n");
		Result result = run("outline", bad.toString());
		assertOneLineUsageError(result, "invalid YAML front matter");
		assertThat(result.stderr()).contains("bad.md:3:");
	}

	@Test
	void lintExitsZeroOnAMigrationRunbookAndOneWhenItFindsErrors() throws Exception {
		Result clean = run("lint", "runbooks/postgres-cutover.md");
		assertThat(clean.exit()).isZero();
		assertThat(clean.stdout()).contains("0 errors");
		Path broken = Files.writeString(this.dir.resolve("broken.md"),
				"# T\n## S\n```bash {timeout=soon}\nls\n```\n## Rollback\n```bash\nls\n```\n");
		Result errors = run("lint", broken.toString());
		assertThat(errors.exit()).isEqualTo(1);
		assertThat(errors.stdout()).contains("broken.md:3: error: block 1.1 s: timeout='soon' is not valid");
	}

	@Test
	void versionExitsZero() throws Exception {
		Result result = run("--version");
		assertThat(result.exit()).isZero();
		assertThat(result.stdout()).startsWith("runbook-shell ");
	}

	private static void assertOneLineUsageError(Result result, String text) {
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.stdout()).isEmpty();
		assertThat(result.stderr().strip().lines()).singleElement().satisfies(line -> {
			assertThat(line).startsWith("error: ").contains(text);
			assertThat(line).doesNotContain("Exception").doesNotContain("\tat ");
		});
	}

}
