package dev.runbookshell.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.journal.JournalReader;
import dev.runbookshell.testsupport.RequiredComponent;

/**
 * The HTML report as a person sees it: rendered by headless Chromium from the file alone (no network), the DOM
 * after its script ran, and a screenshot. Needs /usr/bin/chromium (or $CHROMIUM); under CI=true a missing
 * Chromium fails the test.
 */
class HtmlReportIT {

	@TempDir
	Path dir;

	Path report;

	@BeforeEach
	void render() throws IOException {
		Path journal = RecordedRuns.record(this.dir, "prod", RecordedRuns.START, true, "2025-03-01T02:00:10Z");
		this.report = this.dir.resolve("report.html");
		Files.writeString(this.report, new HtmlReport().render(Run.of(new JournalReader().read(journal))));
	}

	@Test
	void chromiumShowsHeaderTimelineStatusesAndEscapedOutput() throws Exception {
		String dom = chromium("--dump-dom", this.report.toUri().toString());
		assertThat(dom).contains("<h1>Migration Log: Database &lt;move&gt;</h1>", "Timeline", "2.1 dump-db",
				"password **** rejected", "&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(count(dom, "class=\"bar b-")).isEqualTo(4);
		assertThat(count(dom, "<details")).isEqualTo(4);
		assertThat(dom).doesNotContain("class=\"block s-failed hidden\"");
	}

	@Test
	void theFailedFilterHidesEverythingButFailedBlocks() throws Exception {
		String dom = chromium("--dump-dom", this.report.toUri() + "#show=problems");
		assertThat(blockClasses(dom)).containsExactly("block s-succeeded hidden", "block s-succeeded hidden",
				"block s-failed", "block s-skipped hidden", "block s-succeeded hidden");
	}

	@Test
	void theSkippedFilterShowsOnlySkippedBlocks() throws Exception {
		String dom = chromium("--dump-dom", this.report.toUri() + "#show=skipped");
		assertThat(blockClasses(dom)).filteredOn(c -> !c.endsWith("hidden")).containsExactly("block s-skipped");
	}

	@Test
	void aScreenshotIsTaken() throws Exception {
		Path shot = this.dir.resolve("report.png");
		chromium("--screenshot=" + shot, "--window-size=1280,2000", this.report.toUri().toString());
		assertThat(shot).exists();
		// a blank page compresses to a few KiB; the report's colours and text do not
		assertThat(Files.size(shot)).isGreaterThan(50_000);
	}

	private String chromium(String... args) throws Exception {
		Path binary = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
		RequiredComponent.require(Files.isExecutable(binary), "Chromium at " + binary,
				"apt-get install -y chromium (scripts/prepare-test-env does)");
		Path profile = Files.createTempDirectory(this.dir, "chromium-profile");
		List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		try (InputStream out = process.getInputStream()) {
			CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> {
				try {
					return out.readAllBytes();
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finishes").isTrue();
			return new String(stdout.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static List<String> blockClasses(String dom) {
		List<String> classes = new ArrayList<>();
		Matcher m = Pattern.compile("<div class=\"(block [^\"]*)\"").matcher(dom);
		while (m.find()) {
			classes.add(m.group(1));
		}
		return classes;
	}

	private static int count(String text, String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			n++;
		}
		return n;
	}

}
