package dev.runbookshell.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The secret values of a session (front-matter {@code secret: true} variables, values read as secrets) and
 * their masking as {@code ****}: in strings, and in the live output stream where a value may be split across
 * chunks.
 */
public final class SecretValues {

	public static final String MASK = "****";

	private final List<String> values = new CopyOnWriteArrayList<>();

	private final Consumer<String> onAdd;

	public SecretValues() {
		this(value -> {
		});
	}

	/** @param onAdd told of each new secret value (the journal masks them too) */
	public SecretValues(Consumer<String> onAdd) {
		this.onAdd = onAdd;
	}

	public void add(String value) {
		if (value != null && !value.isEmpty() && !this.values.contains(value)) {
			this.onAdd.accept(value);
			this.values.add(value);
			this.values.sort(Comparator.comparingInt(String::length).reversed());
		}
	}

	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	public String mask(String text) {
		if (text == null || this.values.isEmpty()) {
			return text;
		}
		String masked = text;
		for (String value : this.values) {
			masked = masked.replace(value, MASK);
		}
		return masked;
	}

	/** A masking filter for one output stream; {@link StreamMasker#flush()} at the end of the block. */
	StreamMasker stream(StreamMasker.Downstream downstream) {
		List<byte[]> secrets = new ArrayList<>();
		for (String value : this.values) {
			secrets.add(value.getBytes(StandardCharsets.UTF_8));
		}
		return new StreamMasker(secrets, downstream);
	}

}
