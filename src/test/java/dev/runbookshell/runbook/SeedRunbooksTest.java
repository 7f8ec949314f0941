package dev.runbookshell.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.runbookshell.runbook.lint.LintFinding;
import dev.runbookshell.runbook.lint.RunbookLinter;
import dev.runbookshell.testsupport.SeedPlans;

/**
 * The five real plans in {@code ../shared/seeds} and our own {@code runbooks/}. The expected lines were NOT
 * produced by this parser: they come from commonmark.js 0.31 (the CommonMark reference implementation), run
 * independently with {@code npm install commonmark} and this script over the seeds:
 *
 * <pre>
 * const doc = new (require('commonmark').Parser)().parse(fs.readFileSync(file, 'utf8'));
 * walk: node.type === 'code_block' &amp;&amp; node._isFenced
 *       &amp;&amp; ['bash','sh','shell','zsh','console'].includes(node.info.split(/[\s{]/)[0].toLowerCase())
 *       &amp;&amp; node.literal.trim() !== ''  -&gt; print node.sourcepos[0][0]
 * </pre>
 */
class SeedRunbooksTest {

	private static final Map<String, List<Integer>> REFERENCE_LINES = Map.of(
			"000_7cb58602fd4f705e.txt", List.of(55, 75, 97, 121, 134, 157, 168, 182, 196, 212, 228, 245, 273, 292, 305, 320,
					339, 348, 363, 374, 391, 408, 424, 435, 453, 467),
			"001_377589744bf19826.txt", List.of(198, 280, 286),
			"002_0551bd52d72e14d2.txt", List.of(95, 115, 180, 223, 235, 247, 256),
			"003_74b69e4b73bdf6f4.txt", List.of(16, 30, 40, 51, 58, 70, 125, 146, 157, 175, 190, 230),
			"004_181895f861837cd3.txt", List.of(47, 51, 62, 71, 94, 128, 143, 165, 174, 178, 200, 211, 219));

	private final RunbookParser parser = new RunbookParser();

	static Path seeds() {
		return SeedPlans.directory();
	}

	static Stream<String> seedNames() {
		return REFERENCE_LINES.keySet().stream().sorted();
	}

	@ParameterizedTest
	@MethodSource("seedNames")
	void executableBlockLinesMatchTheCommonMarkReferenceParser(String seed) throws Exception {
		Runbook runbook = this.parser.parse(seeds().resolve(seed));
		assertThat(runbook.executableBlocks()).extracting(Block::line).containsExactlyElementsOf(REFERENCE_LINES.get(seed));
	}

	@ParameterizedTest
	@MethodSource("seedNames")
	void everyExecutableBlockHasAUniqueIdAndName(String seed) throws Exception {
		Runbook runbook = this.parser.parse(seeds().resolve(seed));
		assertThat(runbook.executableBlocks()).extracting(Block::id).doesNotHaveDuplicates().doesNotContainNull();
		assertThat(runbook.executableBlocks()).extracting(Block::name).doesNotHaveDuplicates()
			.allMatch(name -> name.matches("[a-z0-9][a-z0-9-]*"));
	}

	@Test
	void theSeedWithASystemdToDockerPlanHasItsRollbackSectionAndAnExpectation() throws Exception {
		Runbook runbook = this.parser.parse(seeds().resolve("000_7cb58602fd4f705e.txt"));
		assertThat(runbook.executableBlocks()).filteredOn(Block::rollback).isNotEmpty();
		assertThat(runbook.find("6.1.1").orElseThrow().expectations()).extracting(Expectation::line).containsExactly(127);
		assertThat(runbook.checklists()).hasSize(12);
	}

	@Test
	void everyRunbookOfOursParses() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("runbooks"))) {
			List<Path> runbooks = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
			assertThat(runbooks).hasSizeGreaterThanOrEqualTo(3);
			for (Path file : runbooks) {
				try {
					assertThat(this.parser.parse(file).executableBlocks()).as(file.toString()).isNotEmpty();
				}
				catch (RunbookParseException ex) {
					fail(ex.getMessage());
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("migrationRunbooks")
	void theMigrationRunbooksLintWithoutErrors(String file) throws Exception {
		List<LintFinding> findings = new RunbookLinter().lint(this.parser.read(Path.of(file)));
		assertThat(findings).filteredOn(f -> f.severity() == LintFinding.Severity.ERROR).isEmpty();
		Runbook runbook = this.parser.parse(Path.of(file));
		assertThat(runbook.frontMatter().variables().values()).anyMatch(VariableSpec::secret);
		assertThat(runbook.sections()).anyMatch(Section::rollback);
	}

	static Stream<String> migrationRunbooks() {
		return Stream.of("runbooks/app-to-docker.md", "runbooks/postgres-cutover.md");
	}

}
