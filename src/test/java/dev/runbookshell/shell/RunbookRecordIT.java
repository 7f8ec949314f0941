package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.report.RecordMarkers;

/**
 * {@code report LOG --format runbook} through the built jar after a real run: the runbook (CRLF, a Latin-1 byte)
 * comes back byte for byte once the inserted parts are taken out, on stdout and in a file alike; the edit, the
 * output and the ticks are in it; a runbook changed since the run is refused.
 */
class RunbookRecordIT {

	@TempDir
	Path dir;

	@Test
	void theRecordIsTheRunbookByteForByteWithWhatRanUnderEachBlock() throws Exception {
		String text = String.join("\r\n", "# Caf\u0000 migration", "", "## Prepare", "", "```bash {name=prepare}",
				"echo preparing", "```", "", "- [ ] The prepare step printed preparing", "", "## Migrate", "",
				"```bash {name=migrate}", "echo migrate-v1", "```", "", "Done.", "");
		byte[] runbook = text.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < runbook.length; i++) {
			if (runbook[i] == 0) {
				runbook[i] = (byte) 0xE9; // é in Latin-1: invalid UTF-8
			}
		}
		Files.write(this.dir.resolve("plan.md"), runbook);
		Files.writeString(this.dir.resolve("answers.yaml"), """
				default: run
				blocks:
				  migrate: {edit: "echo migrate-v2"}
				checks: all
				""");
		RunbookCli.Result run = RunbookCli.run(this.dir, Duration.ofSeconds(120), "run", "plan.md", "--answers",
				"answers.yaml", "--log-dir", "logs");
		assertThat(run.exitCode()).as(run.all()).isZero();
		Path journal = RunbookCli.journal(this.dir.resolve("logs"));

		RunbookCli.Result toFile = RunbookCli.run(this.dir, Duration.ofSeconds(60), "report", journal.toString(),
				"--format", "runbook", "--out", "record.md");
		RunbookCli.Result toStdout = RunbookCli.run(this.dir, Duration.ofSeconds(60), "report", journal.toString(),
				"--format", "runbook");

		assertThat(toFile.exitCode()).as(toFile.all()).isZero();
		byte[] record = Files.readAllBytes(this.dir.resolve("record.md"));
		assertThat(RecordMarkers.strip(record)).isEqualTo(runbook);
		assertThat(toStdout.exitCode()).as(toStdout.all()).isZero();
		assertThat(Files.readAllBytes(this.dir.resolve(".stdout"))).as("stdout carries the same bytes").isEqualTo(record);
		String shown = new String(record, StandardCharsets.UTF_8);
		assertThat(shown).contains("**1.1 prepare: succeeded**", "preparing", "echo migrate-v2", "migrate-v2",
				"- [x] The prepare step printed preparing<!-- runbook-shell:check ticked -->", "<details>");

		Files.write(this.dir.resolve("plan.md"), (text.replace("v1", "v3")).getBytes(StandardCharsets.UTF_8));
		RunbookCli.Result changed = RunbookCli.run(this.dir, Duration.ofSeconds(60), "report", journal.toString(),
				"--format", "runbook");
		assertThat(changed.exitCode()).isEqualTo(2);
		assertThat(changed.stderr()).contains("plan.md: not the runbook that ran", "--runbook FILE");
	}

}
