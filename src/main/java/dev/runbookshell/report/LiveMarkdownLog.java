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
 * most a tenth of the time goes to the log), and a log is rendered at most once every {@value #GAP_MS} ms, so a
 * burst of blocks costs one render, not one per block, and the log catches up while the session waits at a prompt.
 * The spacing by d and the timer thread are the process's, shared by every log: a fleet of twenty hosts spends a
 * tenth of the time on its twenty logs, not twenty tenths. The start and the end of the session are rendered at
 * once, and {@link #close()} renders whatever is still pending.
 *
 * <pre>{@code writer.onProgress(new LiveMarkdownLog(writer.path(), writer.markdownPath()));}</pre>
 */
public final class LiveMarkdownLog implements Consumer<List<JournalEntry>>, AutoCloseable {

	private static final int SPACING = 9;

	/** At most one timed render of a log per this many ms: the log lags this much behind a fast run. */
	static final long GAP_MS = 1000;

	private static final Logger LOG = Logger.getLogger(LiveMarkdownLog.class.getName());

	private final Path journal;

	private final Path markdown;

	private final MarkdownReport renderer = new MarkdownReport();

	/** When the next timed render of any log may start; guarded by {@code LiveMarkdownLog.class}. */
	private static long nextRenderNanos = System.nanoTime();

	/** The one timer thread of every log, made on first use. */
	private static ScheduledExecutorService timer;

	private List<JournalEntry> pending;

	private final Object rendering = new Object();

	/** Whether the first render (the session's start) was done. */
	private boolean started;

	private ScheduledFuture<?> catchUp;

	private boolean closed;

	/** When the next timed render of this log may start; guarded by {@code this}. */
	private long ownNextRenderNanos = System.nanoTime();

	/** How many times this log was written. */
	private int renders;

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
			if (!now && this.catchUp == null && !this.closed) {
				this.catchUp = timer().schedule(this::catchUp, untilNextRender(), TimeUnit.NANOSECONDS);
			}
		}
		if (now) {
			renderPending();
		}
	}

	/** Renders what is still pending, once a render the timer may be doing of this log is over. */
	@Override
	public void close() {
		synchronized (this) {
			this.closed = true;
			if (this.catchUp != null) {
				this.catchUp.cancel(false);
				this.catchUp = null;
			}
		}
		renderPending();
	}

	private void catchUp() {
		synchronized (this) {
			this.catchUp = null;
			long wait = untilNextRender();
			if (wait > 0 && !this.closed) {
				// another log rendered meanwhile and took the time this one was given
				this.catchUp = timer().schedule(this::catchUp, wait, TimeUnit.NANOSECONDS);
				return;
			}
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
			synchronized (LiveMarkdownLog.class) {
				nextRenderNanos = Math.max(nextRenderNanos, end + SPACING * (end - start));
			}
			synchronized (this) {
				this.renders++;
				this.ownNextRenderNanos = end + TimeUnit.MILLISECONDS.toNanos(GAP_MS);
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

	/** Called holding {@code this}. */
	private long untilNextRender() {
		long shared;
		synchronized (LiveMarkdownLog.class) {
			shared = nextRenderNanos;
		}
		return Math.max(0, Math.max(shared, this.ownNextRenderNanos) - System.nanoTime());
	}

	/** How many times the log was written so far. */
	synchronized int renders() {
		return this.renders;
	}

	private static synchronized ScheduledExecutorService timer() {
		if (timer == null) {
			// a daemon that lives as long as the process: it holds no file open between renders
			timer = Executors.newSingleThreadScheduledExecutor(task -> {
				Thread thread = new Thread(task, "markdown-log");
				thread.setDaemon(true);
				return thread;
			});
		}
		return timer;
	}

}
