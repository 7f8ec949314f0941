package dev.runbookshell.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.journal.JournalReader;

class HtmlReportTest {

	@TempDir
	Path dir;

	String html;

	@BeforeEach
	void render() {
		Path journal = RecordedRuns.record(this.dir, "prod", RecordedRuns.START, true, "t");
		this.html = new HtmlReport().render(Run.of(new JournalReader().read(journal)));
	}

	@Test
	void journalTextIsEscapedNeverMarkup() {
		assertThat(this.html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Database &lt;move&gt;")
			.doesNotContain("<script>alert(1)");
	}

	@Test
	void theFileIsSelfContained() {
		assertThat(this.html).doesNotContainPattern("(src|href)=\"(https?:)?//")
			.doesNotContain("<link", "@import", "url(");
	}

	@Test
	void aRetriedBlockShowsEachAttemptWithItsFailedCommandsAndOutputInOrder() {
		Path journal = RecordedFleet.host(this.dir.resolve("retried"), "h2", RecordedRuns.START, true);
		String retried = new HtmlReport().render(Run.of(new JournalReader().read(journal)));
		assertThat(retried).containsSubsequence("id=\"block-1.2\"",
				"<strong>Attempt 1 of 2:</strong> failed at line 7 (exit 3) · took 400 ms · exit code 3",
				"failed command: <code>deploy.md:7: `./migrate --lock` exited 3</code>", "<pre class=\"command\">$ ./migrate",
				"<details open><summary>Output (1 line)</summary><pre class=\"output\">lock held by another migration",
				"<strong>Attempt 2 of 2:</strong> succeeded · took 400 ms · exit code 0",
				"<details><summary>Output (1 line)</summary><pre class=\"output\">migrated on the second try",
				"id=\"block-1.3\"");
	}

	@Test
	void outputsAreCollapsibleAndFailedOnesOpen() {
		assertThat(this.html).containsSubsequence("id=\"block-2.1\"", "<details open><summary>Output (2 lines)");
		assertThat(this.html).containsSubsequence("id=\"block-1.1\"", "<details><summary>Output (3 lines)");
	}

	@Test
	void theTimelineHasABarPerAttemptWithWidthProportionalToDuration() {
		// 61 s of an 81.6 s session
		assertThat(this.html).contains("class=\"bar b-succeeded\" style=\"left:22.79%;width:74.75%\"");
		assertThat(this.html).contains("class=\"bar b-failed\"");
	}

}
