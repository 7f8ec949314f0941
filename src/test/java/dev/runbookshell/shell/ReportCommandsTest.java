package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.DecisionChoice;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.RunMode;
import dev.runbookshell.journal.SessionStatus;

class ReportCommandsTest {

	@TempDir
	Path dir;

	Path journal;

	final ReportCommands commands = new ReportCommands(new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(InteractiveSession.class));

	@BeforeEach
	void record() {
		Clock clock = Clock.fixed(Instant.parse("2025-03-01T02:00:00Z"), ZoneOffset.UTC);
		BlockRef block = new BlockRef("1.1", "hello", "sha256:1");
		try (JournalWriter writer = JournalWriter.create(this.dir, "hello", "local", clock)) {
			writer.write(new JournalEvent.SessionStarted(new JournalEvent.RunbookRef("hello.md", "ab", "Hello"),
					new JournalEvent.TargetRef("local", "local:", "host"), "bob", "h",
					new JournalEvent.ToolRef("runbook-shell", "0.1.0"), RunMode.YES, null, null));
			writer.write(new JournalEvent.Decision(block, DecisionChoice.RUN, null));
			writer.write(new JournalEvent.BlockStarted(block, "echo hi"));
			writer.write(new JournalEvent.BlockFinished(block, BlockStatus.SUCCEEDED, 0, 5, "hi\n", null, List.of()));
			writer.write(new JournalEvent.SessionFinished(SessionStatus.SUCCEEDED, java.util.Map.of("succeeded", 1)));
			this.journal = writer.path();
		}
	}

	@Test
	void printsMarkdownByDefault() {
		assertThat(this.commands.render(this.journal.toString(), null, null, null)).startsWith("# Migration Log: Hello");
	}

	@Test
	void writesTheChosenFormatToTheOutFileAndPrintsNothing() throws Exception {
		Path out = this.dir.resolve("reports/hello.xml");
		assertThat(this.commands.render(this.journal.toString(), "junit", out.toString(), null)).isNull();
		assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("<testsuite name=\"Hello\"");
	}

	@Test
	void aMissingJournalIsAUsageError() {
		assertThatThrownBy(() -> this.commands.render("nope.jsonl", null, null, null)).isInstanceOf(CliException.class)
			.hasMessage("nope.jsonl: no such journal")
			.extracting(ex -> ((CliException) ex).exitCode())
			.isEqualTo(ExitCode.USAGE);
	}

	@Test
	void aJournalComparedWithAFleetIndexIsAUsageErrorNamingTheIndex() throws Exception {
		Path index = Files.writeString(this.dir.resolve("hello-fleet-20250301T020000Z.json"), """
				{"kind": "runbook-shell fleet index 1", "runbook": "hello.md", "runbookSha256": "ab",
				 "started": "2025-03-01T02:00:00Z", "updated": "2025-03-01T02:00:01Z", "parallel": 5,
				 "maxFailPercent": 0, "serial": null, "hosts": [{"name": "local", "uri": "local", "options": {},
				 "batch": 1, "journal": "%s", "state": "succeeded", "message": null}], "batches": [["local"]],
				 "decisions": []}
				""".formatted(this.journal.getFileName()));
		assertThatThrownBy(() -> this.commands.render(this.journal.toString(), null, null, index.toString()))
			.isInstanceOf(CliException.class)
			.hasMessageStartingWith("--compare " + index + " is a fleet index")
			.extracting(ex -> ((CliException) ex).exitCode())
			.isEqualTo(ExitCode.USAGE);
		assertThat(this.commands.render(index.toString(), "json", null, null)).contains("\"name\" : \"local\"")
			.contains("\"journal\" : \"" + this.journal.getFileName() + "\"");
	}

	@Test
	void anUnknownFormatIsAUsageError() {
		assertThatThrownBy(() -> this.commands.render(this.journal.toString(), "pdf", null, null))
			.hasMessage("unknown format 'pdf' (md, html, junit, json, cast, runbook)");
	}

	@Test
	void aBrokenChainExitsOneNamingTheLineAndWritesNoReport() throws Exception {
		String text = Files.readString(this.journal).replace("echo hi", "echo HI");
		Files.writeString(this.journal, text);
		Path out = this.dir.resolve("report.html");
		assertThatThrownBy(() -> this.commands.render(this.journal.toString(), "html", out.toString(), null))
			.isInstanceOf(CliException.class)
			.hasMessage(this.journal + ":4: journal hash chain broken (prev does not match the sha256 of line 3)")
			.extracting(ex -> ((CliException) ex).exitCode())
			.isEqualTo(ExitCode.FAILED);
		assertThat(out).doesNotExist();
	}

	@Test
	void compareWritesMarkdownOrJsonOnly() {
		assertThat(this.commands.render(this.journal.toString(), null, null, this.journal.toString()))
			.startsWith("# Run comparison: Hello");
		assertThat(this.commands.render(this.journal.toString(), "json", null, this.journal.toString()))
			.contains("\"runbooksDiffer\" : false");
		assertThatThrownBy(() -> this.commands.render(this.journal.toString(), "html", null, this.journal.toString()))
			.hasMessage("--compare writes md or json, not 'html'");
	}

}
