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
