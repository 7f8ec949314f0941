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
 * here. Renders therefore happen on a timer thread of their own, not on the session's (which goes on with the next
 * block meanwhile), and are spaced: after one that took d, the next waits until {@value #SPACING} d have passed (at
 * most a tenth of the time goes to the log), so the log catches up while the session waits at a prompt. The
 * start and the end of the session are rendered at once, and {@link #close()} renders whatever is still pending.
 *
 * <pre>{@code writer.onProgress(new LiveMarkdownLog(writer.path(), writer.markdownPath()));}</pre>
 */
public final class LiveMarkdownLog implements Consumer<List<JournalEntry>>, AutoCloseable {

	private static final int SPACING = 9;

	private static final Logger LOG = Logger.getLogger(LiveMarkdownLog.class.getName());

	private final Path journal;

	private final Path markdown;

	private final MarkdownReport renderer = new MarkdownReport();

	private List<JournalEntry> pending;

	private long nextRenderNanos = System.nanoTime();

	private final Object rendering = new Object();

	/** Whether the first render (the session's start) was done. */
	private boolean started;

	private ScheduledExecutorService timer;

	private ScheduledFuture<?> catchUp;

	public LiveMarkdownLog(Path journal, Path markdown) {
		this.journal = journal;
		this.markdown = markdown;
	}

	@Override
	public void accept(List<JournalEntry> entries) {
		boolean now;
		synchronized (this) {
			this.pending = entries;
			boolean ended = !entries.isEmpty()
					&& entries.get(entries.size() - 1).event() instanceof JournalEvent.SessionFinished;
			now = ended || !this.started;
			this.started = true;
			if (!now && this.catchUp == null) {
				long wait = Math.max(0, this.nextRenderNanos - System.nanoTime());
				this.catchUp = timer().schedule(this::catchUp, wait, TimeUnit.NANOSECONDS);
			}
		}
		if (now) {
			renderPending();
		}
	}

	/** Renders what is still pending, once a render the timer may be doing is over, and stops the timer. */
	@Override
	public void close() {
		ScheduledExecutorService stopping;
		synchronized (this) {
			if (this.catchUp != null) {
				this.catchUp.cancel(false);
				this.catchUp = null;
			}
			stopping = this.timer;
			this.timer = null;
		}
		if (stopping != null) {
			stopping.shutdown();
			try {
				stopping.awaitTermination(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		renderPending();
	}

	private void catchUp() {
		synchronized (this) {
			this.catchUp = null;
		}
		try {
			renderPending();
		}
		catch (RuntimeException ex) {
			// the journal is the record; a log that lags behind is re-rendered at the next block or by `report`
			LOG.log(Level.WARNING, "cannot bring the Markdown log up to date", ex);
		}
	}

	/** One render at a time; the session's thread only waits for one when it renders itself (start, end). */
	private void renderPending() {
		synchronized (this.rendering) {
			List<JournalEntry> entries;
			synchronized (this) {
				entries = this.pending;
				this.pending = null;
			}
			if (entries == null) {
				return;
			}
			long start = System.nanoTime();
			render(entries);
			long end = System.nanoTime();
			synchronized (this) {
				this.nextRenderNanos = end + SPACING * (end - start);
			}
		}
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
