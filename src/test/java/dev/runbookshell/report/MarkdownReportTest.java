package dev.runbookshell.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.journal.JournalReader;

class MarkdownReportTest {

	@TempDir
	Path dir;

	String markdown;

	@BeforeEach
	void render() {
		Path journal = RecordedRuns.record(this.dir, "prod", RecordedRuns.START, true, "2025-03-01T02:00:10Z");
		this.markdown = new MarkdownReport().render(Run.of(new JournalReader().read(journal)));
	}

	@Test
	void matchesTheGoldenMigrationLog() throws Exception {
		GoldenFile.assertMatches("migration-log.md", this.markdown);
	}

	@Test
	void theHeaderNamesRunbookTargetOperatorTimesAndResult() {
		assertThat(this.markdown).startsWith("# Migration Log: Database \\<move\\>\n")
			.contains("| Runbook | `plans/db-move.md` (sha256 `9f86d081884c7d65`) |")
			.contains("| Target | prod `ssh://ops@prod:22` (fingerprint `SHA256:abcdef`) |")
			.contains("| Operator | alice on ops-laptop |")
			.contains("| Started | 2025-03-01 02:00:00 UTC |")
			.contains("| Result | **FAILED**: 3 succeeded, 1 failed, 1 skipped |");
	}

	@Test
	void blocksAreGroupedUnderTheirSectionTitles() {
		assertThat(this.markdown).containsSubsequence("## 1 Preparation", "### 1.1 check-disk: succeeded",
				"### 1.2 stop-app: succeeded", "## 2 Backup & data", "### 2.1 dump-db: failed", "### 2.2 vacuum: skipped",
				"## 3.1 DNS", "### 3.1.1 switch-dns: succeeded", "## Summary");
	}

	@Test
	void aFailedBlockShowsExitCodeUnmetExpectationAndTheOperatorsNote() {
		assertThat(this.markdown).containsSubsequence("### 2.1 dump-db: failed", "took 3.4 s, exit code 1",
				"- Expectation NOT met: `dump complete`", "> Note: dump failed: wrong password in the vault");
	}

	@Test
	void aRetriedBlockShowsEachAttemptInOrderWithItsExitFailedCommandsAndOutput() {
		Path journal = RecordedFleet.host(this.dir.resolve("retried"), "h2", RecordedRuns.START, true);
		String md = new MarkdownReport().render(Run.of(new JournalReader().read(journal)));
		assertThat(md).containsSubsequence("### 1.2 migrate: succeeded", "- Decision: run, retry",
				"- Attempts: 2 (failed (exit 3) → succeeded)",
				"#### Attempt 1 of 2: failed at line 7 (exit 3)", "took 400 ms, exit code 3",
				"- Failed command: deploy.md:7: `./migrate --lock` exited 3", "./migrate",
				"lock held by another migration",
				"#### Attempt 2 of 2: succeeded", "took 400 ms, exit code 0", "./migrate", "migrated on the second try",
				"### 1.3 watch", "| 1.2 migrate | run, retry | failed (exit 3) → succeeded | 0 | 800 ms |");
		assertThat(md.split("lock held by another migration", -1)).hasSize(2);
	}

	@Test
	void anEditedBlockSaysSoAndShowsTheCommandAsItRan() {
		assertThat(this.markdown).containsSubsequence("### 1.2 stop-app", "- Decision: edit",
				"Command as it ran (edited by the operator):", "systemctl stop app && echo stopped");
	}

	@Test
	void longOutputIsFoldedWithItsLastLinesAndAPointerToTheSideFile() {
		assertThat(this.markdown).containsSubsequence("record 1 switched", "record 20 switched",
				"[... output shortened; full output (", "KiB) in db-move-prod-20250301T020000Z.3.1.1.1.out ...]",
				"record 3981 switched", "record 4000 switched")
			.doesNotContain("record 21 switched");
	}

	@Test
	void checklistTicksAppearInTheirSection() {
		assertThat(this.markdown).containsSubsequence("## 1 Preparation", "Checklist:",
				"- [x] Announce the maintenance window (checked): posted in #ops", "- [ ] Freeze deploys (unverified)",
				"## 2 Backup");
	}

	@Test
	void theSummaryTableHasARowPerBlockAndATotal() {
		assertThat(this.markdown).contains("| 2.2 vacuum | skip | skipped |  | 0 ms |")
			.contains("| **Total** | | 3 succeeded, 1 failed, 1 skipped | | 1 min 06 s |");
	}

}
