package dev.runbookshell.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.runbookshell.bench.ParseBenchmark;
import dev.runbookshell.runbook.lint.RunbookLinter;

/**
 * The inputs that were superlinear: inline emphasis runs, a block-heavy document of many megabytes, long
 * command lines for the lint rules. Bounds are generous (a loaded machine passes them); the old code took
 * minutes.
 */
class LinearParsingTest {

	private final RunbookParser parser = new RunbookParser();

	private final RunbookLinter linter = new RunbookLinter();

	@Test
	void emphasisRunsDoNotSlowParsing() throws Exception {
		String source = "# Plan\n\n**Step " + "*_".repeat(500_000) + "\n\n## Then\n\n```bash\necho ok\n```\n";

		Runbook runbook = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> this.parser.parse("plan.md", source));

		assertThat(runbook.executableBlocks()).singleElement().satisfies(b -> assertThat(b.line()).isEqualTo(7));
	}

	@Test
	void aHeadingFullOfMarkupIsTakenAsWrittenAndQuickly() throws Exception {
		String heading = "## " + "*_[".repeat(20_000);
		Runbook runbook = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> this.parser.parse("plan.md", (heading + "\n\n```bash\nls\n```\n").repeat(50)));
		assertThat(runbook.sections().get(0).title()).isEqualTo(heading.substring(3));
		assertThat(runbook.executableBlocks()).hasSize(50);
	}

	@Test
	void eightMegabytesOfRunbookParseAndLintAtMegabytesPerSecond() throws Exception {
		String unit = ParseBenchmark.generate(1_000);
		String source = unit.repeat((8 << 20) / unit.length() + 1);

		long cpu = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> cpuNanos(() -> {
			this.linter.lint(this.parser.read("big.md", source));
		}));

		double megabytesPerSecond = source.length() / 1e6 / (cpu / 1e9);
		System.out.printf("parse + lint of %.1f MB: %.1f MB/s CPU%n", source.length() / 1e6, megabytesPerSecond);
		assertThat(megabytesPerSecond).as("MB/s of CPU, goal 10 on an idle machine").isGreaterThan(1.0);
	}

	@Test
	void everyBlocksHeadingPathAndLookupCostsTheSameInAHugeRunbook() throws Exception {
		// a session asks each block's heading path, rollback asks blocks by name: a scan each was quadratic
		int count = 200_000;
		List<Section> sections = new java.util.ArrayList<>();
		List<Block> blocks = new java.util.ArrayList<>();
		sections.add(new Section("1", "Phase", 2, 1, false, null));
		for (int i = 1; i <= count; i++) {
			sections.add(new Section("1." + i, "Step " + i, 3, 2 * i, false, "1"));
			blocks.add(new Block("1." + i + ".1", "step-" + i, 2 * i + 1, "bash", true, true, "1." + i, "true\n",
					"true", "sha256:" + i, Annotations.NONE, List.of(), List.of(), false));
		}
		Runbook runbook = new Runbook("huge.md", "0", "Huge", FrontMatter.EMPTY, sections, blocks, List.of());

		int found = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
			int n = 0;
			for (Block block : runbook.flowBlocks()) {
				if (runbook.headingPath(block.section()).size() == 2 && runbook.find(block.name()).isPresent()
						&& runbook.find(block.id()).orElseThrow() == block) {
					n++;
				}
			}
			return n;
		});

		assertThat(found).isEqualTo(count);
		assertThat(runbook.headingPath("1.7")).containsExactly("Phase", "Step 7");
		assertThat(runbook.find("step-9")).get().extracting(Block::id).isEqualTo("1.9.1");
		assertThat(runbook.find("nothing")).isEmpty();
	}

	@Test
	void longCommandLinesLintInLinearTime() throws Exception {
		StringBuilder block = new StringBuilder("# T\n\n## S\n\n```bash\n");
		for (String word : new String[] { "rm a ", "tail x ", "logs x ", "dd x ", "exit;", "${c ", "<a b ", "# should show ",
				"ssh -o ", "f() { " }) {
			block.append(word.repeat(60_000)).append('\n');
		}
		String source = block.append("```\n").toString();

		long cpu = assertTimeoutPreemptively(Duration.ofSeconds(60),
				() -> cpuNanos(() -> this.linter.lint(this.parser.read("long.md", source))));

		assertThat(cpu / 1_000_000).as("ms of CPU for %d KB of long lines", source.length() / 1024).isLessThan(20_000);
	}

	@Test
	void aConsoleBlockOfManyPromptLinesPlacesEachFindingInLinearTime() throws Exception {
		// found by bench/fuzz: each finding used to find the block's prompt lines again
		String source = "# T\n\n```console\n" + "$ tail -f /var/log/syslog\noutput line\n".repeat(50_000) + "```\n";
		long cpu = assertTimeoutPreemptively(Duration.ofSeconds(60),
				() -> cpuNanos(() -> this.linter.lint(this.parser.read("console.md", source))));
		assertThat(cpu / 1_000_000).as("ms of CPU").isLessThan(20_000);
	}

	@Test
	void manyRollbackPairsAreCheckedInLinearTime() throws Exception {
		// found by bench/fuzz: each rollback= looked every block up again
		String source = "# T\n\n## S\n\n" + "```bash {rollback=undo-x}\necho a\n```\n".repeat(40_000);
		long cpu = assertTimeoutPreemptively(Duration.ofSeconds(60),
				() -> cpuNanos(() -> this.linter.lint(this.parser.read("pairs.md", source))));
		assertThat(cpu / 1_000_000).as("ms of CPU").isLessThan(20_000);
	}

	@Test
	void aHereDocumentThatNeverEndsIsReadOnce() throws Exception {
		String source = "# T\n\n```bash\n" + "cat <<A\n".repeat(200_000) + "```\n";
		long cpu = assertTimeoutPreemptively(Duration.ofSeconds(60),
				() -> cpuNanos(() -> this.linter.lint(this.parser.read("heredoc.md", source))));
		assertThat(cpu / 1_000_000).as("ms of CPU").isLessThan(20_000);
	}

	@Test
	void thirtyThousandBlocksUnderOneHeadingGetTheirNamesInLinearTime() throws Exception {
		String source = "# T\n\n## Same\n\n" + "```bash\necho a\n```\n".repeat(30_000);
		Runbook runbook = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> this.parser.parse("many.md", source));
		assertThat(runbook.executableBlocks()).hasSize(30_000);
		assertThat(runbook.executableBlocks().get(29_999).name()).isEqualTo("same-30000");
	}

	private static long cpuNanos(ThrowingRunnable work) throws Exception {
		var threads = ManagementFactory.getThreadMXBean();
		long start = threads.getCurrentThreadCpuTime();
		work.run();
		return threads.getCurrentThreadCpuTime() - start;
	}

	private interface ThrowingRunnable {

		void run() throws Exception;

	}

}
