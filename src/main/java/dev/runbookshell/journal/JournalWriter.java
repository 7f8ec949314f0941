package dev.runbookshell.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.runbookshell.journal.JournalEvent.BlockRef;

/**
 * Appends events to a journal file, one JSON line each, chained by hash. Earlier lines are never rewritten. Each line
 * is in the file (so it outlives a crash of the tool) when {@link #write} returns; it is forced to disk (so it
 * outlives a crash of the machine) with one sync per block boundary: a {@code block-started} is forced together
 * with every line before it (the previous block's end, the decision to run this one) before {@link #write}
 * returns, so a block's start is on disk before it runs and the previous block's end before the next one starts; a
 * {@code session-finished} too. Any other line is forced at the latest {@value #SYNC_DELAY_MS} ms later, by a timer,
 * when nothing forced it before (a session waiting at a prompt).
 * The file is {@code <dir>/<runbook-slug>-<target>-<yyyyMMdd'T'HHmmss'Z'>.jsonl}; block output that outgrows
 * the event goes to side files beside it ({@link #capture}). An optional listener sees all entries so far after
 * each session-started, session-resumed, block-finished and session-finished, to keep the Markdown log
 * ({@link #markdownPath()}) current. Thread-safe.
 */
public final class JournalWriter implements Closeable {

	/** Where journals go unless told otherwise. */
	public static final Path DEFAULT_DIR = Path.of("migration-logs");

	private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	/** The longest a written line waits for its sync when no block starts. */
	static final long SYNC_DELAY_MS = 100;

	private final Path path;

	private final FileChannel channel;

	private final Clock clock;

	private final JournalCodec codec = new JournalCodec();

	private final AppendOnlyEntries entries;

	private final Map<String, Integer> capturesByBlock = new HashMap<>();

	private long seq;

	private String prev;

	private Consumer<List<JournalEntry>> listener = entries -> {
	};

	private RuntimeException listenerFailure;

	private final List<JournalLineListener> lineListeners = new ArrayList<>();

	/** Lines written since the last sync: line listeners see them once they are on disk. */
	private final List<WrittenLine> unsynced = new ArrayList<>();

	private ScheduledExecutorService syncTimer;

	private boolean syncScheduled;

	private long syncs;

	/** A sync of the timer that failed: the next write reports it, as a write's own sync would have. */
	private JournalException syncFailure;

	private JournalWriter(Path path, FileChannel channel, Clock clock, List<JournalEntry> existing, String prev) {
		this.path = path;
		this.channel = channel;
		this.clock = clock;
		this.entries = new AppendOnlyEntries(existing);
		this.seq = existing.isEmpty() ? 0 : existing.get(existing.size() - 1).seq();
		this.prev = prev;
	}

	/** Starts a new journal in {@code dir} (created if missing), named after the runbook, target and time. */
	public static JournalWriter create(Path dir, String runbookSlug, String targetName, Clock clock) {
		try {
			Files.createDirectories(dir);
			String base = Slug.of(runbookSlug) + "-" + Slug.of(targetName) + "-" + FILE_STAMP.format(clock.instant());
			for (int n = 1;; n++) {
				Path file = dir.resolve(base + (n == 1 ? "" : "-" + n) + ".jsonl");
				try {
					FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
							StandardOpenOption.WRITE, StandardOpenOption.APPEND);
					syncDirectory(dir);
					return new JournalWriter(file, channel, clock, List.of(), "");
				}
				catch (FileAlreadyExistsException ex) {
					// two sessions started in the same second on the same target: number the second one
				}
			}
		}
		catch (IOException ex) {
			throw JournalException.of(dir, "cannot create journal: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reopens a journal to continue it (resume). Refuses a journal whose chain is broken. An incomplete last line
	 * left by a crash is cut off, and a {@code note} recording that is the first event appended.
	 */
	public static JournalWriter append(Path existingJournal, Clock clock) {
		Journal journal = new JournalReader().read(existingJournal);
		if (journal.verification().isBroken()) {
			throw new JournalException(journal.verification().describe(existingJournal) + "; refusing to append");
		}
		try {
			long size = Files.size(existingJournal);
			if (journal.verification().state() == ChainStatus.State.INCOMPLETE_LAST_LINE) {
				try (FileChannel cut = FileChannel.open(existingJournal, StandardOpenOption.WRITE)) {
					cut.truncate(journal.intactBytes());
					cut.force(true);
				}
			}
			String prev = journal.entries().isEmpty() ? "" : lastLineHash(existingJournal, journal.intactBytes());
			FileChannel channel = FileChannel.open(existingJournal, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND);
			JournalWriter writer = new JournalWriter(existingJournal, channel, clock, journal.entries(), prev);
			if (journal.verification().state() == ChainStatus.State.INCOMPLETE_LAST_LINE) {
				writer.write(new JournalEvent.Note("dropped an incomplete last line (line "
						+ journal.verification().line() + ", " + (size - journal.intactBytes())
						+ " bytes) left by an interrupted write", null));
			}
			return writer;
		}
		catch (IOException ex) {
			throw JournalException.of(existingJournal, "cannot reopen journal: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Called with every entry so far after each session-started, session-resumed, block-finished and
	 * session-finished (to re-render the Markdown log); a listener that is {@link AutoCloseable} is closed with the
	 * journal. A listener failure does not fail the write; see {@link #listenerFailure()}.
	 */
	public JournalWriter onProgress(Consumer<List<JournalEntry>> listener) {
		this.listener = listener;
		return this;
	}

	/**
	 * Hands {@code listener} every line already in the journal (a resumed one has some), then each line written
	 * from now on; it is closed with the journal, after the last line (listeners added later are closed first).
	 */
	public synchronized JournalWriter addLineListener(JournalLineListener listener) {
		sync();
		List<byte[]> existing = JournalLines.complete(this.path);
		for (int i = 0; i < existing.size() && i < this.entries.size(); i++) {
			notifyLine(listener, this.entries.get(i), existing.get(i));
		}
		this.lineListeners.add(listener);
		return this;
	}

	/**
	 * Appends one event and returns it as written; a {@code block-started} or {@code session-finished} is on disk
	 * with every line before it when this returns, any other line within {@value #SYNC_DELAY_MS} ms.
	 */
	public synchronized JournalEntry write(JournalEvent event) {
		if (!this.channel.isOpen()) {
			throw new JournalException(this.path + ": journal is closed");
		}
		if (this.syncFailure != null) {
			throw this.syncFailure;
		}
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		JournalEntry entry = new JournalEntry(this.seq + 1, at, this.prev, event, 0);
		byte[] line = this.codec.encodeBytes(entry);
		ByteBuffer buffer = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
		try {
			while (buffer.hasRemaining()) {
				this.channel.write(buffer);
			}
		}
		catch (IOException ex) {
			throw JournalException.of(this.path, "cannot write event " + entry.seq() + ": " + ex.getMessage(), ex);
		}
		this.seq = entry.seq();
		this.prev = JournalCodec.sha256(line);
		this.entries.add(entry);
		this.unsynced.add(new WrittenLine(entry, line));
		if (event instanceof JournalEvent.BlockStarted || event instanceof JournalEvent.SessionFinished) {
			// what follows acts on the target (the block runs) or ends the session: no line may wait
			forceUnsynced(entry.seq());
		}
		else {
			scheduleSync();
		}
		if (event instanceof JournalEvent.SessionStarted || event instanceof JournalEvent.SessionResumed
				|| event instanceof JournalEvent.BlockFinished || event instanceof JournalEvent.SessionFinished) {
			notifyListener();
		}
		return entry;
	}

	/**
	 * A capture for one run of a block; its side file (used only past 64 KiB) is
	 * {@code <journal name>.<block id>.<n>.out} beside the journal, n counting the block's runs (retries).
	 */
	public synchronized OutputCapture capture(BlockRef block, SecretMasker masker) {
		String base = baseName() + "." + Slug.ofBlockId(block.id()) + ".";
		int n = this.capturesByBlock.getOrDefault(block.id(), 0);
		Path side;
		do {
			n++;
			side = this.path.resolveSibling(base + n + ".out");
		}
		while (Files.exists(side));
		this.capturesByBlock.put(block.id(), n);
		return new OutputCapture(side, masker);
	}

	public Path path() {
		return this.path;
	}

	/** The human Markdown log beside the journal: same name, {@code .md}. */
	public Path markdownPath() {
		return this.path.resolveSibling(baseName() + ".md");
	}

	/** Every entry in the journal so far, including those that were there before {@link #append}. */
	public synchronized List<JournalEntry> entries() {
		return this.entries.snapshot();
	}

	/** The last exception thrown by the progress listener, if any. */
	public synchronized Optional<RuntimeException> listenerFailure() {
		return Optional.ofNullable(this.listenerFailure);
	}

	/** Forces every line written so far to disk, if any is not yet. */
	public synchronized void sync() {
		if (!this.unsynced.isEmpty() && this.channel.isOpen()) {
			forceUnsynced(this.seq);
		}
	}

	/** How many times lines were forced to disk (one sync per block boundary is the goal). */
	synchronized long syncs() {
		return this.syncs;
	}

	@Override
	public synchronized void close() {
		if (this.syncTimer != null) {
			this.syncTimer.shutdownNow();
			this.syncTimer = null;
		}
		sync();
		try {
			if (this.listener instanceof AutoCloseable closeable) {
				closeListener(closeable);
			}
			// the last added first, so one that feeds an earlier one (a signer its signatures to a shipper) is done
			for (int i = this.lineListeners.size() - 1; i >= 0; i--) {
				closeListener(this.lineListeners.get(i));
			}
			this.lineListeners.clear();
			if (this.channel.isOpen()) {
				this.channel.force(true);
				this.channel.close();
			}
		}
		catch (IOException ex) {
			throw JournalException.of(this.path, "cannot close journal: " + ex.getMessage(), ex);
		}
	}

	/** A listener that batches its work (the Markdown log) finishes it here; its failure does not fail close. */
	private void closeListener(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			this.listenerFailure = ex instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex);
		}
	}

	/** Forces the file and hands the lines now on disk to the line listeners, in order. */
	private void forceUnsynced(long upToSeq) {
		try {
			this.channel.force(false);
		}
		catch (IOException ex) {
			throw JournalException.of(this.path, "cannot write event " + upToSeq + ": " + ex.getMessage(), ex);
		}
		this.syncs++;
		List<WrittenLine> synced = List.copyOf(this.unsynced);
		this.unsynced.clear();
		for (WrittenLine written : synced) {
			for (JournalLineListener lines : this.lineListeners) {
				notifyLine(lines, written.entry(), written.line());
			}
		}
	}

	/** The timer's sync: one pending at a time, and none when a block start forced the lines meanwhile. */
	private void scheduleSync() {
		if (this.syncScheduled) {
			return;
		}
		if (this.syncTimer == null) {
			this.syncTimer = Executors.newSingleThreadScheduledExecutor(task -> {
				Thread thread = new Thread(task, "journal-sync");
				thread.setDaemon(true);
				return thread;
			});
		}
		this.syncScheduled = true;
		this.syncTimer.schedule(this::timedSync, SYNC_DELAY_MS, TimeUnit.MILLISECONDS);
	}

	private synchronized void timedSync() {
		this.syncScheduled = false;
		try {
			sync();
		}
		catch (JournalException ex) {
			this.syncFailure = ex;
		}
	}

	private void notifyLine(JournalLineListener listener, JournalEntry entry, byte[] line) {
		try {
			listener.lineWritten(entry, line);
		}
		catch (RuntimeException ex) {
			this.listenerFailure = ex;
		}
	}

	private void notifyListener() {
		try {
			this.listener.accept(this.entries.snapshot());
		}
		catch (RuntimeException ex) {
			this.listenerFailure = ex;
		}
	}

	private record WrittenLine(JournalEntry entry, byte[] line) {
	}

	private String baseName() {
		String name = this.path.getFileName().toString();
		return name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
	}

	/** The sha256 of the last complete line, i.e. the {@code prev} of the next one. */
	private static String lastLineHash(Path file, long intactBytes) throws IOException {
		try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
			long end = intactBytes - 1; // the last newline
			long start = end;
			ByteBuffer one = ByteBuffer.allocate(1);
			while (start > 0) {
				one.clear();
				in.read(one, start - 1);
				if (one.get(0) == '\n') {
					break;
				}
				start--;
			}
			ByteBuffer line = ByteBuffer.allocate((int) (end - start));
			while (line.hasRemaining() && in.read(line, start + line.position()) > 0) {
				// read fully
			}
			return JournalCodec.sha256(line.array());
		}
	}

	private static void syncDirectory(Path dir) {
		// makes the new file's name durable too; not every platform can open a directory, which is fine
		try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
			directory.force(true);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// best effort
		}
	}

}
