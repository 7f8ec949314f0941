package dev.runbookshell.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;

import dev.runbookshell.journal.ChainStatus;
import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalEntry;
import dev.runbookshell.journal.JournalException;

/**
 * Keeps the Markdown Migration Log beside a journal current while the session runs: give it to
 * {@code JournalWriter.onProgress} and it re-renders the whole log after each finished block. The file is
 * replaced atomically, so a reader never sees half a log.
 *
 * <pre>{@code writer.onProgress(new LiveMarkdownLog(writer.path(), writer.markdownPath()));}</pre>
 */
public final class LiveMarkdownLog implements Consumer<List<JournalEntry>> {

	private final Path journal;

	private final Path markdown;

	private final MarkdownReport renderer = new MarkdownReport();

	public LiveMarkdownLog(Path journal, Path markdown) {
		this.journal = journal;
		this.markdown = markdown;
	}

	@Override
	public void accept(List<JournalEntry> entries) {
		// the writer verified every entry as it wrote it
		Run run = Run.of(new Journal(this.journal, entries, ChainStatus.INTACT, 0));
		Path temp = this.markdown.resolveSibling(this.markdown.getFileName() + ".tmp");
		try {
			Files.writeString(temp, this.renderer.render(run), StandardCharsets.UTF_8);
			try {
				Files.move(temp, this.markdown, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (java.nio.file.AtomicMoveNotSupportedException ex) {
				Files.move(temp, this.markdown, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw JournalException.of(this.markdown, "cannot write the Markdown log: " + ex.getMessage(), ex);
		}
	}

}
