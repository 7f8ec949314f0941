package dev.runbookshell.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.journal.JournalReader;

/**
 * The recorded runs put a secret in a command, in short output, deep in a long output (side file) and in a
 * variable. Recorded through the masker, it must appear in no journal, no side file and no report format.
 */
class SecretInReportsTest {

	@TempDir
	Path dir;

	@Test
	void theSecretAppearsInNoJournalSideFileOrReport() throws Exception {
		Path a = RecordedRuns.record(this.dir.resolve("a"), "staging", RecordedRuns.START, false, "t");
		Path b = RecordedRuns.record(this.dir.resolve("b"), "prod", RecordedRuns.START, true, "t");
		try (Stream<Path> files = Files.walk(this.dir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString())
					.doesNotContain(RecordedRuns.SECRET);
			}
		}
		Run run = Run.of(new JournalReader().read(b));
		for (ReportFormat format : ReportFormat.values()) {
			String text = format.renderer().render(run);
			assertThat(text).as(format.cliName()).doesNotContain(RecordedRuns.SECRET);
			if (format != ReportFormat.JSON) {
				// the summary has no outputs; every other format shows where the secret was
				assertThat(text).as(format.cliName()).contains("password **** rejected");
			}
		}
		RunComparison comparison = RunComparison.of(Run.of(new JournalReader().read(a)), run);
		assertThat(new ComparisonReport().markdown(comparison)).doesNotContain(RecordedRuns.SECRET);
		assertThat(new ComparisonReport().json(comparison)).doesNotContain(RecordedRuns.SECRET);
	}

	@Test
	void theSideFileHoldsTheMaskedSecretDeepInTheLongOutput() throws Exception {
		Path journal = RecordedRuns.record(this.dir, "prod", RecordedRuns.START, true, "t");
		Path side = journal.resolveSibling("db-move-prod-20250301T020000Z.3.1.1.1.out");
		assertThat(Files.readString(side)).contains("record 3999 switched, token **** at t");
	}

}
