package dev.runbookshell.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

import dev.runbookshell.journal.JournalCodec;

/**
 * A block's output reduced to what should be the same on two runs of the same runbook, and hashed. Outputs are
 * already masked; on top of that terminal escapes are removed and, line by line, what changes from run to run by
 * nature is replaced with a placeholder:
 * <ul>
 * <li>ISO dates and times ({@code 2025-03-01T02:00:00.123Z}, {@code 2025-03-01 02:00:00}), plain dates
 * ({@code 2025-03-01}) and clock times ({@code 02:00:00}, with fractions);</li>
 * <li>epoch-like numbers: 10 digits (seconds) or 13 digits (milliseconds) starting with 1;</li>
 * <li>trailing whitespace.</li>
 * </ul>
 * Anything else that differs (host names, row counts, sizes) counts as a difference on purpose. When the journal
 * kept only the first 64 KiB, the side file is read instead, so the whole output is compared.
 */
final class ComparableOutput {

	private static final Pattern DATE_TIME = Pattern.compile(
			"\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}([.,]\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

	private static final Pattern CLOCK = Pattern.compile("\\b\\d{1,2}:\\d{2}:\\d{2}([.,]\\d+)?\\b");

	private static final Pattern EPOCH = Pattern.compile("\\b1\\d{9}(\\d{3})?\\b");

	private ComparableOutput() {
	}

	/** A hash of the normalised output; equal hashes mean the outputs match once times are ignored. */
	static String fingerprint(BlockRun block, Run run) {
		MessageDigest digest = JournalCodec.sha256();
		if (block.outputFile() != null && Files.isReadable(run.sideFile(block.outputFile()))) {
			try (BufferedReader reader = Files.newBufferedReader(run.sideFile(block.outputFile()),
					StandardCharsets.UTF_8)) {
				String line;
				while ((line = reader.readLine()) != null) {
					digest.update(normalise(line).getBytes(StandardCharsets.UTF_8));
					digest.update((byte) '\n');
				}
			}
			catch (IOException ex) {
				digest.update(("unreadable side file " + block.outputFile()).getBytes(StandardCharsets.UTF_8));
			}
		}
		else {
			for (String line : FoldedOutput.lines(TerminalText.plain(block.output()))) {
				digest.update(normalise(line).getBytes(StandardCharsets.UTF_8));
				digest.update((byte) '\n');
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	static String normalise(String line) {
		String text = TerminalText.plain(line);
		text = DATE_TIME.matcher(text).replaceAll("<date>");
		text = CLOCK.matcher(text).replaceAll("<time>");
		text = EPOCH.matcher(text).replaceAll("<epoch>");
		return text.stripTrailing();
	}

}
