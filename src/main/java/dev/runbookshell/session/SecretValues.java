package dev.runbookshell.session;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import dev.runbookshell.journal.MaskingOutputStream;
import dev.runbookshell.journal.SecretMasker;

/**
 * The secret values of a session (front-matter {@code secret: true} variables, values read as secrets), masked
 * as {@code ****} by the journal's {@link SecretMasker}: in strings, and in the live output stream where a value
 * may arrive cut across chunks.
 */
public final class SecretValues {

	public static final String MASK = SecretMasker.MASK;

	private final Consumer<String> onAdd;

	private volatile SecretMasker masker = SecretMasker.NONE;

	public SecretValues() {
		this(value -> {
		});
	}

	/** @param onAdd told of each new secret value (the journal masks them too) */
	public SecretValues(Consumer<String> onAdd) {
		this.onAdd = onAdd;
	}

	public synchronized void add(String value) {
		if (value != null && !value.isEmpty() && !this.masker.mask(value).equals(MASK)) {
			this.onAdd.accept(value);
			this.masker = this.masker.with(value);
		}
	}

	public String mask(String text) {
		return this.masker.mask(text);
	}

	/** A masking filter for one output stream of one block; close it when the block ends. */
	MaskedStream stream(Downstream downstream) {
		return new MaskedStream(this.masker.stream(new OutputStream() {
			@Override
			public void write(int b) {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] buffer, int offset, int length) {
				downstream.write(buffer, offset, length);
			}
		}));
	}

	/** Receives the masked bytes. */
	interface Downstream {

		void write(byte[] buffer, int offset, int length);

	}

	/** One stream's masking; writes from one thread at a time. */
	static final class MaskedStream {

		private final MaskingOutputStream masking;

		MaskedStream(MaskingOutputStream masking) {
			this.masking = masking;
		}

		synchronized void write(byte[] buffer, int offset, int length) {
			try {
				this.masking.write(buffer, offset, length);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** Passes on what was held back: the stream ended, so it cannot become a secret any more. */
		synchronized void flush() {
			try {
				this.masking.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
