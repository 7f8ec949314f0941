package dev.runbookshell.journal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Collects one block's output (stdout and stderr interleaved in arrival order) for its {@code block-finished}
 * event. Bytes are masked as they arrive; the first {@link #CAP} bytes stay in memory, and once the output grows
 * past that the whole masked output goes to a side file next to the journal, so memory stays flat however much a
 * command prints. Thread-safe: the target's stdout and stderr readers may write at the same time.
 */
public final class OutputCapture implements AutoCloseable {

	/** The most output kept in a journal event: 64 KiB. */
	public static final int CAP = 64 * 1024;

	private final Path sideFile;

	private final MaskingOutputStream masking;

	/** The first bytes, grown as output comes up to {@link #CAP}: most blocks print little, and run one by one. */
	private byte[] head = new byte[1024];

	private int headLength;

	private long total;

	private OutputStream side;

	private Result result;

	/**
	 * @param sideFile where the full masked output goes if it outgrows {@link #CAP}; created only then
	 * @param masker the secrets to mask
	 */
	public OutputCapture(Path sideFile, SecretMasker masker) {
		this.sideFile = sideFile;
		this.masking = masker.stream(new Collector());
	}

	/** The block's output as it arrives. */
	public synchronized void write(byte[] bytes, int offset, int length) {
		if (this.result != null) {
			throw new IllegalStateException("output capture already finished");
		}
		try {
			this.masking.write(bytes, offset, length);
		}
		catch (IOException ex) {
			throw new JournalException(this.sideFile + ": cannot write block output: " + ex.getMessage(), ex);
		}
	}

	public void write(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		write(bytes, 0, bytes.length);
	}

	/** Ends the capture (flushing held-back bytes and the side file) and returns what goes into the event. */
	public synchronized Result result() {
		if (this.result == null) {
			try {
				this.masking.close();
			}
			catch (IOException ex) {
				throw new JournalException(this.sideFile + ": cannot write block output: " + ex.getMessage(), ex);
			}
			int cut = Utf8.boundaryAtOrBefore(this.head, this.headLength);
			String text = new String(this.head, 0, cut, StandardCharsets.UTF_8);
			this.result = new Result(text, this.side == null ? null : this.sideFile.getFileName().toString(),
					this.total);
		}
		return this.result;
	}

	/** Same as {@link #result()}; lets a capture sit in try-with-resources. */
	@Override
	public void close() {
		result();
	}

	/**
	 * What a capture produced: the masked text (the whole output, or its first 64 KiB cut at a character
	 * boundary), the side file's name (relative to the journal's folder) or null, and the masked size in bytes.
	 */
	public record Result(String text, String outputFile, long totalBytes) {

		public boolean truncated() {
			return this.outputFile != null;
		}

	}

	/** Receives masked bytes: fills the head, then spills everything to the side file. */
	private final class Collector extends OutputStream {

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			int room = CAP - OutputCapture.this.headLength;
			if (OutputCapture.this.side == null && length > room) {
				openSideFile();
			}
			if (room > 0) {
				int n = Math.min(room, length);
				int needed = OutputCapture.this.headLength + n;
				if (needed > OutputCapture.this.head.length) {
					OutputCapture.this.head = Arrays.copyOf(OutputCapture.this.head,
							Math.min(CAP, Math.max(needed, 2 * OutputCapture.this.head.length)));
				}
				System.arraycopy(bytes, offset, OutputCapture.this.head, OutputCapture.this.headLength, n);
				OutputCapture.this.headLength += n;
			}
			if (OutputCapture.this.side != null) {
				OutputCapture.this.side.write(bytes, offset, length);
			}
			OutputCapture.this.total += length;
		}

		private void openSideFile() throws IOException {
			OutputCapture.this.side = new BufferedOutputStream(Files.newOutputStream(OutputCapture.this.sideFile,
					StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
					64 * 1024);
			// everything so far is in the head: the side file starts with it
			OutputCapture.this.side.write(Arrays.copyOf(OutputCapture.this.head, OutputCapture.this.headLength));
		}

		@Override
		public void close() throws IOException {
			if (OutputCapture.this.side != null) {
				OutputCapture.this.side.close();
			}
		}

	}

	/** UTF-8 boundaries, so a capped output never ends in half a character. */
	static final class Utf8 {

		private Utf8() {
		}

		static int boundaryAtOrBefore(byte[] bytes, int length) {
			int cut = length;
			// step back over continuation bytes (10xxxxxx) to the lead byte of the last character
			int i = length - 1;
			int back = 0;
			while (i >= 0 && back < 4 && (bytes[i] & 0xC0) == 0x80) {
				i--;
				back++;
			}
			if (i < 0) {
				return length;
			}
			int lead = bytes[i] & 0xFF;
			int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
			if (i + needed > length) {
				cut = i;
			}
			return cut;
		}

	}

}
