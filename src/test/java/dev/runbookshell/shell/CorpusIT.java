package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import dev.runbookshell.testsupport.RequiredComponent;

/**
 * {@code list --json} on real public runbooks and READMEs ({@code src/test/resources/corpus}, each one's
 * repository, path and commit in {@code SOURCES.tsv}) gives exactly the executable blocks that the CommonMark
 * reference implementation finds: {@code cmark --to xml --sourcepos}, run here on each document, its fenced
 * code blocks whose info string starts with bash, sh, shell, zsh or console, not blank, not ignore=true. Same
 * fence line, language and content, in the same order.
 */
class CorpusIT {

	private static final Path CORPUS = Path.of("src/test/resources/corpus");

	private static final Set<String> EXECUTABLE = Set.of("bash", "sh", "shell", "zsh", "console");

	private static final Pattern IGNORED = Pattern.compile("ignore\\s*[=:]\\s*\"?true");

	@TempDir
	Path dir;

	/** A block as both sides describe it. */
	record CodeBlock(int line, String language, String content) {
	}

	static Stream<String> documents() throws IOException {
		return sources().stream().map(row -> row[0]);
	}

	private static List<String[]> sources() throws IOException {
		return Files.readAllLines(CORPUS.resolve("SOURCES.tsv"), StandardCharsets.UTF_8)
			.stream()
			.filter(line -> !line.startsWith("#") && !line.isBlank())
			.map(line -> line.split("\t"))
			.toList();
	}

	@ParameterizedTest
	@MethodSource("documents")
	void listJsonGivesTheExecutableBlocksOfTheCommonMarkReference(String name) throws Exception {
		Path document = CORPUS.resolve(name).toAbsolutePath();
		List<CodeBlock> reference = cmark(document);

		RunbookCli.Result result = RunbookCli.run(this.dir, Duration.ofMinutes(2), "list", document.toString(), "--json");

		assertThat(result.exitCode()).as(result.all()).isZero();
		List<CodeBlock> listed = new ArrayList<>();
		for (JsonNode block : new ObjectMapper().readTree(result.stdout()).get("blocks")) {
			if (block.get("executable").asBoolean()) {
				listed.add(new CodeBlock(block.get("line").asInt(), block.get("language").asText(),
						block.get("content").asText()));
			}
		}
		assertThat(listed).as(name).containsExactlyElementsOf(reference);
	}

	@Test
	void theCorpusIsVariedAndEveryDocumentNamesItsSource() throws Exception {
		List<String[]> sources = sources();
		assertThat(sources).hasSizeGreaterThanOrEqualTo(20);
		assertThat(sources).allSatisfy(row -> {
			assertThat(row).as(String.join(" ", row)).hasSize(5);
			assertThat(row[3]).as("commit of " + row[0]).matches("[0-9a-f]{40}");
			assertThat(CORPUS.resolve(row[0])).isRegularFile();
		});
		try (Stream<Path> files = Files.list(CORPUS)) {
			assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".md")))
				.containsExactlyInAnyOrderElementsOf(sources.stream().map(row -> row[0]).toList());
		}
		assertThat(sources.stream().map(row -> row[1]).distinct()).as("repositories").hasSizeGreaterThanOrEqualTo(5);
		int blocks = 0;
		int console = 0;
		for (String[] row : sources) {
			List<CodeBlock> reference = cmark(CORPUS.resolve(row[0]));
			blocks += reference.size();
			console += (int) reference.stream().filter(b -> b.language().equals("console")).count();
		}
		assertThat(blocks).as("executable blocks in the corpus").isGreaterThanOrEqualTo(200);
		assertThat(console).as("console blocks in the corpus").isGreaterThanOrEqualTo(20);
	}

	/** The executable blocks cmark finds in {@code document}. */
	private static List<CodeBlock> cmark(Path document) throws Exception {
		RequiredComponent.require(onPath("cmark"), "cmark (the CommonMark reference implementation)",
				"apt-get install cmark, or run scripts/prepare-test-env as root");
		Process process = new ProcessBuilder("cmark", "--to", "xml", "--sourcepos", document.toString())
			.redirectErrorStream(true)
			.start();
		String xml;
		try (var out = process.getInputStream()) {
			xml = new String(out.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("cmark finished").isTrue();
		assertThat(process.exitValue()).as(xml).isZero();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		NodeList nodes = factory.newDocumentBuilder()
			.parse(new InputSource(new StringReader(xml)))
			.getElementsByTagName("code_block");
		List<CodeBlock> blocks = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			Element block = (Element) nodes.item(i);
			String info = block.getAttribute("info").strip();
			String language = info.split("[\\s{]", 2)[0].toLowerCase(Locale.ROOT);
			String content = block.getTextContent();
			if (EXECUTABLE.contains(language) && !content.isBlank() && !IGNORED.matcher(info).find()) {
				int line = Integer.parseInt(block.getAttribute("sourcepos").split(":")[0]);
				blocks.add(new CodeBlock(line, language, content));
			}
		}
		return blocks;
	}

	private static boolean onPath(String program) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (Files.isExecutable(Path.of(dir, program))) {
				return true;
			}
		}
		return false;
	}

}
