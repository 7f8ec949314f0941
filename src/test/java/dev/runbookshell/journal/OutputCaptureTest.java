package dev.runbookshell.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.journal.JournalEvent.BlockRef;

class OutputCaptureTest {

	@TempDir
	Path dir;

	@Test
	void shortOutputStaysInTheEventMaskedAndNoSideFileIsWritten() {
		Path side = this.dir.resolve("j.2.1.1.out");
		OutputCapture capture = new OutputCapture(side, new SecretMasker(List.of("hunter2")));
		capture.write("password is hunter2\n");
		capture.write("done\n");
		OutputCapture.Result result = capture.result();
		assertThat(result.text()).isEqualTo("password is ****\ndone\n");
		assertThat(result.outputFile()).isNull();
		assertThat(side).doesNotExist();
	}

	@Test
	void exactly64KiBStillFitsTheEvent() {
		Path side = this.dir.resolve("j.2.1.1.out");
		OutputCapture capture = new OutputCapture(side, SecretMasker.NONE);
		capture.write("x".repeat(OutputCapture.CAP));
		assertThat(capture.result().text()).hasSize(OutputCapture.CAP);
		assertThat(capture.result().outputFile()).isNull();
	}

	@Test
	void outputArrivingInPiecesUpTo64KiBIsKeptInOrder() {
		Path side = this.dir.resolve("j.2.1.1.out");
		OutputCapture capture = new OutputCapture(side, SecretMasker.NONE);
		StringBuilder expected = new StringBuilder();
		for (int i = 0; expected.length() + 20 <= OutputCapture.CAP; i++) {
			String line = String.format("line %013d%n", i);
			expected.append(line);
			capture.write(line);
		}
		assertThat(capture.result().text()).isEqualTo(expected.toString());
		assertThat(capture.result().outputFile()).isNull();
		assertThat(side).doesNotExist();
	}

	@Test
	void outputPast64KiBIsCappedInTheEventAndWholeInTheSideFile() throws IOException {
		Path side = this.dir.resolve("j.2.1.1.out");
		OutputCapture capture = new OutputCapture(side, new SecretMasker(List.of("hunter2")));
		StringBuilder expected = new StringBuilder();
		for (int i = 0; i < 5000; i++) {
			String line = "line " + i + " token=hunter2 é\n";
			byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
			// odd chunking so secrets and two-byte characters straddle writes
			capture.write(bytes, 0, 9);
			capture.write(bytes, 9, bytes.length - 9);
			expected.append("line ").append(i).append(" token=**** é\n");
		}
		OutputCapture.Result result = capture.result();
		assertThat(result.outputFile()).isEqualTo("j.2.1.1.out");
		assertThat(Files.readString(side)).isEqualTo(expected.toString());
		assertThat(result.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(OutputCapture.CAP);
		assertThat(expected.toString()).startsWith(result.text());
		assertThat(result.totalBytes()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8).length);
		assertThat(Files.readString(side)).doesNotContain("hunter2");
	}

	@Test
	void theCapNeverCutsACharacterInHalf() {
		OutputCapture capture = new OutputCapture(this.dir.resolve("j.out"), SecretMasker.NONE);
		capture.write("a" + "€".repeat(30_000));
		String text = capture.result().text();
		assertThat(text).doesNotContain("\uFFFD");
		assertThat(text.getBytes(StandardCharsets.UTF_8).length).isEqualTo(1 + 3 * ((OutputCapture.CAP - 1) / 3));
	}

	@Test
	void sideFilesAreNamedAfterJournalBlockAndRun() {
		try (JournalWriter writer = JournalWriter.create(this.dir, "db", "prod", JournalFixtures.ticking())) {
			BlockRef block = new BlockRef("4.1", "copy", "h");
			OutputCapture first = writer.capture(block, SecretMasker.NONE);
			first.write("y".repeat(OutputCapture.CAP + 1));
			OutputCapture second = writer.capture(block, SecretMasker.NONE);
			second.write("z".repeat(OutputCapture.CAP + 1));
			assertThat(first.result().outputFile()).isEqualTo("db-prod-20250301T020000Z.4.1.1.out");
			assertThat(second.result().outputFile()).isEqualTo("db-prod-20250301T020000Z.4.1.2.out");
			assertThat(this.dir.resolve(second.result().outputFile())).hasSize(OutputCapture.CAP + 1);
		}
	}

	@Test
	void capturing200MegabytesKeepsTheHeapFlat() throws Exception {
		Path side = this.dir.resolve("big.out");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
				BigCapture.class.getName(), side.toString(), String.valueOf(200L * 1024 * 1024))
			.redirectErrorStream(true);
		Process process = builder.start();
		String output;
		try (InputStream in = process.getInputStream()) {
			assertThat(process.waitFor(170, TimeUnit.SECONDS)).as("200 MB capture finishes").isTrue();
			output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		finally {
			process.destroyForcibly();
		}
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("outputFile=big.out", "totalBytes=209715200", "textBytes=65536");
		assertThat(Files.size(side)).isEqualTo(200L * 1024 * 1024);
		// the secret is masked to the same length (****) so the sizes match; it appears nowhere
		try (InputStream in = Files.newInputStream(side)) {
			byte[] start = in.readNBytes(4096);
			assertThat(new String(start, StandardCharsets.US_ASCII)).contains("****").doesNotContain("pw42");
		}
	}

	/** Child-JVM body: pumps N bytes through a capture under a small heap and prints the result. */
	public static final class BigCapture {

		public static void main(String[] args) {
			Path side = Path.of(args[0]);
			long total = Long.parseLong(args[1]);
			OutputCapture capture = new OutputCapture(side, new SecretMasker(List.of("pw42")));
			byte[] chunk = ("0123456789abcdef pw42 0123456789abcdef 0123456789abcdef 0123456789abcdef\n".repeat(128))
				.getBytes(StandardCharsets.US_ASCII);
			long written = 0;
			while (written < total) {
				int n = (int) Math.min(chunk.length, total - written);
				capture.write(chunk, 0, n);
				written += n;
			}
			OutputCapture.Result result = capture.result();
			Runtime runtime = Runtime.getRuntime();
			System.out.println("outputFile=" + result.outputFile() + " totalBytes=" + result.totalBytes()
					+ " textBytes=" + result.text().length() + " usedHeapMb="
					+ (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
		}

	}

}
