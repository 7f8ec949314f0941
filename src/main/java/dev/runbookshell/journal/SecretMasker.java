package dev.runbookshell.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces secret values with {@code ****} before text reaches the journal, a terminal or a report. Every
 * occurrence of every non-empty secret is masked; where occurrences touch or overlap (two secrets sharing
 * characters) the whole run becomes a single {@code ****}, so no part of either secret survives. Matching is on
 * UTF-8 bytes, the same for whole strings ({@link #mask(String)}) and for streams cut at arbitrary points
 * ({@link #stream(OutputStream)}). Immutable and thread-safe.
 */
public final class SecretMasker {

	/** What a secret is replaced with. */
	public static final String MASK = "****";

	/** A masker that masks nothing. */
	public static final SecretMasker NONE = new SecretMasker(List.of());

	private final List<byte[]> secrets;

	private final int longest;

	public SecretMasker(Collection<String> secrets) {
		Set<String> distinct = new LinkedHashSet<>();
		for (String secret : secrets) {
			if (secret != null && !secret.isEmpty()) {
				distinct.add(secret);
			}
		}
		this.secrets = distinct.stream()
			.map(s -> s.getBytes(StandardCharsets.UTF_8))
			.sorted(Comparator.comparingInt((byte[] b) -> b.length).reversed())
			.toList();
		this.longest = this.secrets.isEmpty() ? 0 : this.secrets.get(0).length;
	}

	/** A masker for these secrets plus another one (a value the operator just typed). */
	public SecretMasker with(String secret) {
		List<String> all = new java.util.ArrayList<>(this.secrets.stream()
			.map(b -> new String(b, StandardCharsets.UTF_8))
			.toList());
		all.add(secret);
		return new SecretMasker(all);
	}

	/** True when there is nothing to mask. */
	public boolean isEmpty() {
		return this.secrets.isEmpty();
	}

	/** The text with every secret replaced by {@code ****}; null stays null. */
	public String mask(String text) {
		if (text == null || this.secrets.isEmpty()) {
			return text;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
		try (MaskingOutputStream masking = stream(out)) {
			masking.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * A stream that masks what is written to it and passes the result to {@code out}, holding back at most
	 * (longest secret - 1) bytes until more arrive or it is closed. Closing it closes {@code out}.
	 */
	public MaskingOutputStream stream(OutputStream out) {
		return new MaskingOutputStream(out, this.secrets, this.longest);
	}

}
