package dev.runbookshell.session;

import java.util.List;

import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.OutputCapture;
import dev.runbookshell.journal.SecretMasker;

/** The engine's journal on a {@link JournalWriter}: events synced as written, output captured with side files. */
public final class WrittenJournal implements SessionJournal {

	private final JournalWriter writer;

	private volatile SecretMasker masker = SecretMasker.NONE;

	public WrittenJournal(JournalWriter writer) {
		this.writer = writer;
	}

	@Override
	public void append(JournalEvent event) {
		this.writer.write(event);
	}

	@Override
	public Capture capture(BlockRef block) {
		OutputCapture capture = this.writer.capture(block, this.masker);
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

	@Override
	public String location() {
		return this.writer.path().toString();
	}

	/** The writer underneath, for what listens to its lines (signing, shipping). */
	public JournalWriter writer() {
		return this.writer;
	}

	/** Every event in the journal so far, for the Markdown log. */
	public List<dev.runbookshell.journal.JournalEntry> entries() {
		return this.writer.entries();
	}

	@Override
	public void close() {
		this.writer.close();
	}

}
