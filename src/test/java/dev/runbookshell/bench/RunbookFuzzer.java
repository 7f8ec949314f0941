package dev.runbookshell.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.runbookshell.runbook.ParseResult;
import dev.runbookshell.runbook.RunbookParseException;
import dev.runbookshell.runbook.RunbookParser;
import dev.runbookshell.runbook.lint.RunbookLinter;

/**
 * Parses and lints mutated runbooks: real documents (the corpus, our runbooks, a generated one) with pieces
 * inserted, deleted, repeated and amplified to megabytes. Each must end in a result or the documented
 * {@link RunbookParseException}, and within a linear bound of CPU time: {@link #FIXED_NANOS} plus
 * {@link #NANOS_PER_BYTE} per byte (that is at least 1 MB/s, ten times slower than the goal, so that a loaded
 * machine does not fail it while a superlinear case, which takes minutes at a megabyte, does).
 * {@code bench/fuzz/run.sh} runs a long budget; {@code RunbookFuzzTest} a short one.
 */
public final class RunbookFuzzer {

	static final long FIXED_NANOS = 200_000_000L;

	static final long NANOS_PER_BYTE = 1_000L;

	/** Text that CommonMark, the info-string reader and the shell scanners treat specially. */
	private static final String[] TOKENS = { "```", "~~~", "````", "**", "*_", "_*", "**Step ", "[", "](", "![", "<",
			">", "<!--", "-->", "$ ", "# ", "## ", "---\n", "...\n", "\n", "\n\n", "\t", "\r", "\r\n", "{", "}", "=",
			"\"", "'", "\\", "`", "<<EOF\n", "<<'EOF'\n", "EOF\n", "#!/bin/bash\n", "$(", "${", ")", "|", ";", "&&",
			"rm -rf ", "sudo sed -i 's/a/b/' /etc/x ", "tail -f ", "docker compose up ", "psql ", "<timestamp>",
			"CONTAINER_ID ", "YYYYMMDD ", "{name=x timeout=5s}", "{timout=1s}", "{\"id\":\"x\"}", "- [ ] ", "1. ",
			"    ", "> ", "| a | b |\n", "&amp;", "&#", "â†’", "ðŸš€", "\uFFFD", "\u00A0", "é" };

	private final List<String> seeds;

	private final Random random;

	private final RunbookParser parser = new RunbookParser();

	private final RunbookLinter linter = new RunbookLinter();

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	/** What a fuzzing run saw. */
	public record Report(int documents, long bytes, int parseExceptions, long cpuNanos, double worstNanosPerByte,
			String worst) {

		@Override
		public String toString() {
			return String.format("%d documents, %.1f MB, %d refused with RunbookParseException, %.1f MB/s CPU overall, "
					+ "worst %.0f ns/byte (%s)", this.documents, this.bytes / 1e6, this.parseExceptions,
					this.bytes / 1e6 / (this.cpuNanos / 1e9), this.worstNanosPerByte, this.worst);
		}

	}

	/** A document that broke a rule: the seed and case reproduce it. */
	public static final class FuzzFailure extends AssertionError {

		FuzzFailure(String message, Throwable cause) {
			super(message, cause);
		}

	}

	public RunbookFuzzer(List<String> seeds, long randomSeed) {
		this.seeds = List.copyOf(seeds);
		this.random = new Random(randomSeed);
	}

	/** Seeds from the corpus and the shipped runbooks, plus a generated runbook. */
	public static List<String> defaultSeeds(Path projectRoot) throws IOException {
		List<String> seeds = new ArrayList<>();
		for (Path dir : List.of(projectRoot.resolve("src/test/resources/corpus"), projectRoot.resolve("runbooks"))) {
			if (Files.isDirectory(dir)) {
				try (Stream<Path> files = Files.list(dir)) {
					for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
						seeds.add(Files.readString(file, StandardCharsets.UTF_8));
					}
				}
			}
		}
		seeds.add(ParseBenchmark.generate(50));
		return seeds;
	}

	/** Runs until {@code documents} were tried or {@code budgetNanos} of CPU time were spent. */
	public Report run(int documents, long budgetNanos, long amplifyTo) {
		warmUp();
		long bytes = 0;
		long cpu = 0;
		int refused = 0;
		double worst = 0;
		String worstCase = "-";
		int done = 0;
		while (done < documents && cpu < budgetNanos) {
			String document = done % 25 == 24 ? amplified(amplifyTo) : mutated(pick());
			byte[] raw = document.getBytes(StandardCharsets.UTF_8);
			if (done % 50 == 7) {
				raw = withBadBytes(raw);
			}
			long start = this.threads.getCurrentThreadCpuTime();
			try {
				ParseResult result = this.parser.read("fuzz-" + done + ".md", new String(raw, StandardCharsets.UTF_8));
				this.linter.lint(result);
			}
			catch (RunbookParseException ex) {
				refused++;
			}
			catch (RuntimeException | StackOverflowError ex) {
				throw new FuzzFailure("document " + done + " (" + raw.length + " bytes) threw " + ex + "; starts with: "
						+ preview(document), ex);
			}
			long spent = this.threads.getCurrentThreadCpuTime() - start;
			if (spent > FIXED_NANOS + NANOS_PER_BYTE * raw.length) {
				throw new FuzzFailure("document " + done + " (" + raw.length + " bytes) took " + spent / 1_000_000
						+ " ms of CPU, more than the linear bound" + saved(raw, done) + "; starts with: "
						+ preview(document), null);
			}
			double perByte = (double) spent / Math.max(1, raw.length);
			if (raw.length > 10_000 && perByte > worst) {
				worst = perByte;
				worstCase = "document " + done + ", " + raw.length + " bytes";
			}
			bytes += raw.length;
			cpu += spent;
			done++;
		}
		return new Report(done, bytes, refused, cpu, worst, worstCase);
	}

	/** Class loading and the first compilations are not the document's cost: the seeds go through first. */
	private void warmUp() {
		for (int round = 0; round < 3; round++) {
			for (String seed : this.seeds) {
				try {
					this.linter.lint(this.parser.read("warm-up.md", seed));
				}
				catch (RunbookParseException ex) {
					// a seed may be refused as well; only the time matters here
				}
			}
		}
	}

	private String pick() {
		return this.seeds.get(this.random.nextInt(this.seeds.size()));
	}

	/** One to eight edits: insert a token, delete, duplicate or move a slice, repeat a token many times. */
	String mutated(String seed) {
		StringBuilder text = new StringBuilder(seed);
		int edits = 1 + this.random.nextInt(8);
		for (int e = 0; e < edits; e++) {
			int at = text.isEmpty() ? 0 : this.random.nextInt(text.length() + 1);
			switch (this.random.nextInt(6)) {
				case 0, 1 -> text.insert(at, token());
				case 2 -> text.delete(at, Math.min(text.length(), at + this.random.nextInt(200)));
				case 3 -> {
					int end = Math.min(text.length(), at + this.random.nextInt(400));
					text.insert(this.random.nextInt(text.length() + 1), text.substring(at, end));
				}
				case 4 -> text.insert(at, token().repeat(1 + this.random.nextInt(2_000)));
				default -> text.insert(at, (char) this.random.nextInt(0x2FF));
			}
		}
		return text.toString();
	}

	/** A mutated slice repeated up to about {@code size} bytes: where superlinear work shows. */
	String amplified(long size) {
		String seed = pick();
		int start = seed.isEmpty() ? 0 : this.random.nextInt(seed.length());
		String slice = mutated(seed.substring(start, Math.min(seed.length(), start + 1 + this.random.nextInt(300))));
		if (this.random.nextBoolean()) {
			slice = token() + token() + slice;
		}
		StringBuilder text = new StringBuilder();
		while (text.length() < size && !slice.isEmpty()) {
			text.append(slice);
		}
		return text.toString();
	}

	private String token() {
		return TOKENS[this.random.nextInt(TOKENS.length)];
	}

	private byte[] withBadBytes(byte[] raw) {
		byte[] out = raw.clone();
		for (int i = 0; i < 3 && out.length > 0; i++) {
			out[this.random.nextInt(out.length)] = (byte) (0x80 + this.random.nextInt(0x7F));
		}
		return out;
	}

	/** With {@code -Dfuzz.keep=DIR}, the failing document is kept there to be replayed. */
	private static String saved(byte[] raw, int index) {
		String dir = System.getProperty("fuzz.keep");
		if (dir == null) {
			return "";
		}
		try {
			Path file = Files.createDirectories(Path.of(dir)).resolve("fuzz-" + index + ".md");
			Files.write(file, raw);
			return " (kept as " + file + ")";
		}
		catch (IOException ex) {
			return " (not kept: " + ex.getMessage() + ")";
		}
	}

	private static String preview(String document) {
		String start = document.length() > 120 ? document.substring(0, 120) + "..." : document;
		return start.replace("\n", "\\n");
	}

	/** {@code bench/fuzz/run.sh [DOCUMENTS] [SECONDS] [SEED] [AMPLIFY_BYTES]}. */
	public static void main(String[] args) throws IOException {
		int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		long seconds = args.length > 1 ? Long.parseLong(args[1]) : 600;
		long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
		long amplify = args.length > 3 ? Long.parseLong(args[3]) : 4_000_000;
		RunbookFuzzer fuzzer = new RunbookFuzzer(defaultSeeds(Path.of("")), seed);
		System.out.println("fuzz seed " + seed + ": " + fuzzer.run(documents, seconds * 1_000_000_000L, amplify));
	}

}
