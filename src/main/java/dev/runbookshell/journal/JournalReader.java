package dev.runbookshell.journal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a journal file and verifies its hash chain as it goes: line 1 has {@code seq} 1 and an empty
 * {@code prev}; each later line has the next {@code seq} and a {@code prev} equal to the sha256 of the previous
 * line's exact bytes. Reading stops at the first bad line; the entries before it are returned with a
 * {@link ChainStatus} naming the line and the reason. Stateless and thread-safe.
 */
public final class JournalReader {

	private final JournalCodec codec;

	public JournalReader() {
		this(new JournalCodec());
	}

	public JournalReader(JournalCodec codec) {
		this.codec = codec;
	}

	/** Reads and verifies a journal. Throws {@link JournalException} only when the file cannot be read. */
	public Journal read(Path file) {
		List<JournalEntry> entries = new ArrayList<>();
		ChainStatus status = ChainStatus.INTACT;
		long completeBytes = 0;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
			ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
			String expectedPrev = "";
			int lineNumber = 0;
			while (true) {
				boolean newline = readLine(in, line);
				if (!newline && line.size() == 0) {
					break;
				}
				lineNumber++;
				byte[] bytes = line.toByteArray();
				line.reset();
				if (!newline) {
					status = ChainStatus.incompleteLastLine(lineNumber);
					break;
				}
				String problem = null;
				JournalEntry entry = null;
				try {
					entry = this.codec.decode(new String(bytes, StandardCharsets.UTF_8), lineNumber);
				}
				catch (JournalException ex) {
					problem = ex.getMessage();
				}
				if (problem == null) {
					problem = chainProblem(entry, entries.size() + 1, expectedPrev, lineNumber);
				}
				if (problem != null) {
					status = ChainStatus.broken(lineNumber, problem);
					break;
				}
				entries.add(entry);
				expectedPrev = JournalCodec.sha256(bytes);
				completeBytes += bytes.length + 1;
			}
		}
		catch (NoSuchFileException ex) {
			throw JournalException.of(file, "no such journal", ex);
		}
		catch (IOException ex) {
			throw JournalException.of(file, "cannot read journal: " + ex.getMessage(), ex);
		}
		return new Journal(file, List.copyOf(entries), status, completeBytes);
	}

	private static String chainProblem(JournalEntry entry, long expectedSeq, String expectedPrev, int lineNumber) {
		if (entry.seq() != expectedSeq) {
			return "seq " + entry.seq() + " where " + expectedSeq + " was expected";
		}
		if (!entry.prev().equals(expectedPrev)) {
			return lineNumber == 1 ? "prev is not empty on the first line"
					: "prev does not match the sha256 of line " + (lineNumber - 1);
		}
		return null;
	}

	/** Reads up to and excluding the next '\n'; true when a newline ended the line. */
	private static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				return true;
			}
			line.write(b);
		}
		return false;
	}

}
