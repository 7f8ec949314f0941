package dev.runbookshell.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.runbookshell.journal.ChainStatus;
import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalEntry;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalException;

/**
 * Keeps the Markdown Migration Log beside a journal current while the session runs: give it to
 * {@code JournalWriter.onProgress} and it re-renders the log as blocks finish. The file is replaced atomically, so
 * a reader never sees half a log.
 *
 * <p>Rendering is the whole log each time, so a fast unattended run of many blocks would spend most of its time
 * here. Renders are therefore spaced: after one that took d, the next waits until {@value #SPACING} d have passed
 * (at most a fifth of the time goes to the log); what arrives meanwhile is rendered by a timer when the wait is
 * over, so the log catches up while the session waits at a prompt. The end of the session is rendered at once,
 * and {@link #close()} renders whatever is still pending.
 *
 * <pre>{@code writer.onProgress(new LiveMarkdownLog(writer.path(), writer.markdownPath()));}</pre>
 */
public final class LiveMarkdownLog implements Consumer<List<JournalEntry>>, AutoCloseable {

	private static final int SPACING = 4;

	private static final Logger LOG = Logger.getLogger(LiveMarkdownLog.class.getName());

	private final Path journal;

	private final Path markdown;

	private final MarkdownReport renderer = new MarkdownReport();

	private List<JournalEntry> pending;

	private long nextRenderNanos = System.nanoTime();

	private ScheduledExecutorService timer;

	private ScheduledFuture<?> catchUp;

	public LiveMarkdownLog(Path journal, Path markdown) {
		this.journal = journal;
		this.markdown = markdown;
	}

	@Override
	public synchronized void accept(List<JournalEntry> entries) {
		this.pending = entries;
		boolean ended = !entries.isEmpty()
				&& entries.get(entries.size() - 1).event() instanceof JournalEvent.SessionFinished;
		long wait = this.nextRenderNanos - System.nanoTime();
		if (ended || wait <= 0) {
			renderPending();
		}
		else if (this.catchUp == null) {
			this.catchUp = timer().schedule(this::catchUp, wait, TimeUnit.NANOSECONDS);
		}
	}

	/** Renders what is still pending and stops the timer. */
	@Override
	public synchronized void close() {
		if (this.catchUp != null) {
			this.catchUp.cancel(false);
			this.catchUp = null;
		}
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
		renderPending();
	}

	private synchronized void catchUp() {
		this.catchUp = null;
		try {
			renderPending();
		}
		catch (RuntimeException ex) {
			// the journal is the record; a log that lags behind is re-rendered at the next block or by `report`
			LOG.log(Level.WARNING, "cannot bring the Markdown log up to date", ex);
		}
	}

	private void renderPending() {
		List<JournalEntry> entries = this.pending;
		if (entries == null) {
			return;
		}
		this.pending = null;
		long start = System.nanoTime();
		render(entries);
		long end = System.nanoTime();
		this.nextRenderNanos = end + SPACING * (end - start);
	}

	private void render(List<JournalEntry> entries) {
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

	private ScheduledExecutorService timer() {
		if (this.timer == null) {
			this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
				Thread thread = new Thread(task, "markdown-log");
				thread.setDaemon(true);
				return thread;
			});
		}
		return this.timer;
	}

}
