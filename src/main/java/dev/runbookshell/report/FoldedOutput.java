package dev.runbookshell.report;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.runbookshell.journal.JournalEvent.BlockFinished;

/**
 * A block's output shortened for a document: when it is longer than {@link #HEAD} + {@link #TAIL} lines (or was
 * cut to 64 KiB in the journal), the first and the last lines with a line in between saying how much was left
 * out and where the whole output is. The last lines come from the side file when there is one, so they really are
 * the last lines of the output.
 *
 * @param head the first lines
 * @param omitted a note on what was left out, or null when nothing was
 * @param tail the last lines (empty when nothing was left out)
 */
record FoldedOutput(List<String> head, String omitted, List<String> tail) {

	static final int HEAD = 20;

	static final int TAIL = 20;

	static FoldedOutput of(BlockRun block, Run run) {
		return of(block.output(), block.outputFile(), run);
	}

	/** One attempt's output (a block's is its last finished attempt's). */
	static FoldedOutput of(BlockFinished finished, Run run) {
		return of(finished.output(), finished.outputFile(), run);
	}

	private static FoldedOutput of(String output, String outputFile, Run run) {
		List<String> lines = lines(TerminalText.plain(output));
		if (outputFile == null) {
			if (lines.size() <= HEAD + TAIL) {
				return new FoldedOutput(lines, null, List.of());
			}
			int left = lines.size() - HEAD - TAIL;
			return new FoldedOutput(lines.subList(0, HEAD), left + " lines omitted",
					lines.subList(lines.size() - TAIL, lines.size()));
		}
		Path side = run.sideFile(outputFile);
		List<String> tail = tailOf(side);
		String where = "full output (" + sizeOf(side) + ") in " + outputFile;
		return new FoldedOutput(lines.subList(0, Math.min(HEAD, lines.size())), "output shortened; " + where,
				tail);
	}

	boolean folded() {
		return this.omitted != null;
	}

	static List<String> lines(String text) {
		if (text.isEmpty()) {
			return List.of();
		}
		String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
		return Arrays.asList(trimmed.split("\n", -1));
	}

	/** The last {@link #TAIL} lines of a side file, read from its end (side files can be very large). */
	private static List<String> tailOf(Path side) {
		if (!Files.isReadable(side)) {
			return List.of("(side file " + side.getFileName() + " is missing)");
		}
		try (RandomAccessFile file = new RandomAccessFile(side.toFile(), "r")) {
			long length = file.length();
			int window = (int) Math.min(length, 64 * 1024);
			byte[] bytes = new byte[window];
			file.seek(length - window);
			file.readFully(bytes);
			int from = 0;
			if (window < length) {
				// skip the partial first line (and any partial character)
				while (from < bytes.length && bytes[from] != '\n') {
					from++;
				}
				from = Math.min(from + 1, bytes.length);
			}
			List<String> lines = lines(TerminalText.plain(new String(bytes, from, bytes.length - from,
					StandardCharsets.UTF_8)));
			return new ArrayList<>(lines.subList(Math.max(0, lines.size() - TAIL), lines.size()));
		}
		catch (IOException ex) {
			return List.of("(side file " + side.getFileName() + " unreadable: " + ex.getMessage() + ")");
		}
	}

	private static String sizeOf(Path side) {
		try {
			long bytes = Files.size(side);
			return bytes >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0)
					: bytes / 1024 + " KiB";
		}
		catch (IOException ex) {
			return "size unknown";
		}
	}

}
