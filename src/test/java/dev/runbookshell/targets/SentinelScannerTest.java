package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SentinelScannerTest {

	private static final String SENTINEL = "__RBS_0123abcd";

	/** The record separator that starts the marker. */
	private static final String MARK = "\u001e";

	private final ByteArrayOutputStream forwarded = new ByteArrayOutputStream();

	private final SentinelScanner stdout = new SentinelScanner(SENTINEL, this.forwarded::write);

	@Test
	void findsTheSentinelSplitAcrossOneByteChunksAndForwardsNoneOfIt() {
		byte[] stream = bytes("hello\nworld\n" + MARK + SENTINEL + " 42\n");
		for (int i = 0; i < stream.length; i++) {
			this.stdout.feed(stream, i, 1);
		}
		assertThat(this.stdout.done()).isTrue();
		assertThat(this.stdout.exitCode()).isEqualTo(42);
		assertThat(text()).isEqualTo("hello\nworld\n");
	}

	@Test
	void keepsOutputThatOnlyLooksLikeTheStartOfTheSentinel() {
		String output = "a\n" + MARK + "__RBS_0123abc\n" + MARK + "\n__RBS_x\n\n";
		byte[] stream = bytes(output + MARK + SENTINEL + " 0\n");
		this.stdout.feed(stream, 0, 9);
		this.stdout.feed(stream, 9, stream.length - 9);
		assertThat(text()).isEqualTo(output);
		assertThat(this.stdout.exitCode()).isZero();
	}

	@Test
	void aLineIsForwardedWithItsNewlineAtOnceSoAPromptIsNotHeldBack() {
		byte[] line = bytes("Type YES to go on:\n");
		this.stdout.feed(line, 0, line.length);
		assertThat(text()).isEqualTo("Type YES to go on:\n");
	}

	@Test
	void outputWithoutAFinalNewlineArrivesAsPrinted() {
		byte[] stream = bytes("no newline" + MARK + SENTINEL + " 1\n");
		this.stdout.feed(stream, 0, stream.length);
		assertThat(text()).isEqualTo("no newline");
		assertThat(this.stdout.exitCode()).isEqualTo(1);
	}

	@Test
	void bytesAfterTheSentinelLineAreNotConsumed() {
		byte[] stream = bytes("x\n" + MARK + SENTINEL + " 3\nlate");
		int consumed = this.stdout.feed(stream, 0, stream.length);
		assertThat(consumed).isEqualTo(stream.length - "late".length());
	}

	@Test
	void aStreamThatEndsInsideAPossibleSentinelKeepsThoseBytes() {
		byte[] stream = bytes("tail\n" + MARK + "__RB");
		this.stdout.feed(stream, 0, stream.length);
		assertThat(text()).isEqualTo("tail\n");
		this.stdout.finish();
		assertThat(this.stdout.done()).isFalse();
		assertThat(text()).isEqualTo("tail\n" + MARK + "__RB");
	}

	@Test
	void theStderrSentinelCarriesNoCode() {
		SentinelScanner stderr = new SentinelScanner(SENTINEL, this.forwarded::write);
		byte[] stream = bytes("warning\n" + MARK + SENTINEL + "\n");
		stderr.feed(stream, 0, stream.length);
		assertThat(stderr.done()).isTrue();
		assertThat(text()).isEqualTo("warning\n");
	}

	@Test
	void outputFullOfNewlinesAndSentinelLookalikesArrivesByteForByteHoweverItIsChunked() {
		String output = "line\n\n__RBS_\n__RBS_0123abc\n\n\n__RBS_0123abcd\nend \n__RBS_0123abcd_\n\n" + SENTINEL
				+ MARK + MARK + "__RBS_0123abc" + MARK + SENTINEL + "_" + MARK + "\n"
				+ "x\n" + "\n".repeat(5) + "café €\u008a\n" + "x".repeat(37) + "\n" + "y".repeat(9);
		byte[] stream = bytes(output + MARK + SENTINEL + " 7\nnext block");
		for (int chunk = 1; chunk <= stream.length; chunk++) {
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			SentinelScanner scanner = new SentinelScanner(SENTINEL, received::write);
			int consumed = 0;
			for (int at = 0; at < stream.length && !scanner.done(); at += chunk) {
				consumed += scanner.feed(stream, at, Math.min(chunk, stream.length - at));
			}
			assertThat(received.toString(StandardCharsets.UTF_8)).as("chunks of %d bytes", chunk).isEqualTo(output);
			assertThat(scanner.exitCode()).isEqualTo(7);
			assertThat(consumed).as("chunks of %d bytes", chunk).isEqualTo(stream.length - "next block".length());
		}
	}

	@Test
	void failureRecordsAndTheShellStateAreTakenOutOfTheStreamHoweverItIsChunked() {
		String output = "warn\n" + MARK + SENTINEL + "!127 41 rb-nope --x\nmore\n" + MARK + SENTINEL + "!1 42 false\n";
		byte[] stream = bytes(output + MARK + SENTINEL + "=\n/tmp\n" + MARK + "E\nexport A='1'\n" + MARK + SENTINEL
				+ "\n");
		for (int chunk = 1; chunk <= stream.length; chunk++) {
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			java.util.List<String> records = new java.util.ArrayList<>();
			SentinelScanner scanner = new SentinelScanner(SENTINEL, received::write, records::add);
			for (int at = 0; at < stream.length && !scanner.done(); at += chunk) {
				scanner.feed(stream, at, Math.min(chunk, stream.length - at));
			}
			assertThat(scanner.done()).isTrue();
			assertThat(received.toString(StandardCharsets.UTF_8)).as("chunks of %d", chunk).isEqualTo("warn\nmore\n");
			assertThat(records).containsExactly("127 41 rb-nope --x", "1 42 false");
			assertThat(new String(scanner.shellState(), StandardCharsets.UTF_8)).isEqualTo("/tmp\n" + MARK
					+ "E\nexport A='1'\n");
		}
	}

	private String text() {
		return this.forwarded.toString(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
