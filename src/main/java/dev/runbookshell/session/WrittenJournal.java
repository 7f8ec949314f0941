package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.OutputCapture;
import dev.runbookshell.journal.SecretMasker;

/**
 * The engine's journal on a {@link JournalWriter}: events synced as written, output captured with side files. The
 * file is created (or reopened) by the first event, so a session refused before it starts writes nothing.
 */
public final class WrittenJournal implements SessionJournal {

	private final Supplier<JournalWriter> opener;

	private JournalWriter writer;

	private boolean closed;

	private final List<Consumer<JournalWriter>> onOpen = new ArrayList<>();

	private volatile SecretMasker masker = SecretMasker.NONE;

	/** @param opener creates or reopens the journal when the first event comes */
	public WrittenJournal(Supplier<JournalWriter> opener) {
		this.opener = opener;
	}

	/** The writer underneath, opened now if no event has opened it yet. */
	private synchronized JournalWriter writer() {
		if (this.writer == null) {
			if (this.closed) {
				throw new IllegalStateException("the journal is closed");
			}
			this.writer = this.opener.get();
			this.onOpen.forEach(hook -> hook.accept(this.writer));
		}
		return this.writer;
	}

	/**
	 * Runs {@code hook} on the writer when the first event opens it (at once if it is open): for what listens to its
	 * lines (signing, shipping) without creating a journal for a session that is refused.
	 */
	public synchronized void whenOpened(Consumer<JournalWriter> hook) {
		if (this.writer != null) {
			hook.accept(this.writer);
		}
		else {
			this.onOpen.add(hook);
		}
	}

	@Override
	public void append(JournalEvent event) {
		writer().write(event);
	}

	@Override
	public Capture capture(BlockRef block) {
		OutputCapture capture = writer().capture(block, this.masker);
		return new Capture() {
			@Override
			public void write(byte[] buffer, int offset, int length) {
				capture.write(buffer, offset, length);
			}

			@Override
			public Captured finish() {
				OutputCapture.Result result = capture.result();
				return new Captured(result.text(), result.outputFile());
			}
		};
	}

	@Override
	public synchronized void addSecret(String value) {
		this.masker = this.masker.with(value);
	}

	/** Where the journal is; asking creates it when no event did yet (its name says when it was created). */
	@Override
	public String location() {
		return writer().path().toString();
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.writer != null) {
			this.writer.close();
		}
	}

}
