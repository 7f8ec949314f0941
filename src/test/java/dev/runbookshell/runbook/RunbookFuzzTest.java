package dev.runbookshell.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.runbookshell.bench.RunbookFuzzer;

/**
 * A short fuzzing budget in the suite (bench/fuzz/run.sh runs a long one): mutated real runbooks end in a
 * result or RunbookParseException, each within the linear bound. The seed is fixed so a failure reproduces.
 */
class RunbookFuzzTest {

	@Test
	void mutatedRunbooksParseAndLintWithinALinearBound() throws Exception {
		RunbookFuzzer fuzzer = new RunbookFuzzer(RunbookFuzzer.defaultSeeds(Path.of("")), 20_260_101L);

		RunbookFuzzer.Report report = fuzzer.run(200, 10_000_000_000L, 500_000);

		System.out.println("fuzz: " + report);
		assertThat(report.documents()).as("documents tried within the budget").isGreaterThanOrEqualTo(50);
	}

}
