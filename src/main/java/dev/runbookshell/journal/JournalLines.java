package dev.runbookshell.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A journal file's complete lines as bytes: for listeners that join while it is written, and for its copies. */
public final class JournalLines {

	private JournalLines() {
	}

	/** Every line that ends in a newline, without it; a partial last line is not part of the journal. */
	public static List<byte[]> complete(Path journal) {
		byte[] all;
		try {
			all = Files.readAllBytes(journal);
		}
		catch (IOException ex) {
			throw JournalException.of(journal, "cannot read the journal back: " + ex.getMessage(), ex);
		}
		List<byte[]> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < all.length; i++) {
			if (all[i] == '\n') {
				lines.add(Arrays.copyOfRange(all, start, i));
				start = i + 1;
			}
		}
		return lines;
	}

}
