package dev.runbookshell.journal;

import java.text.Normalizer;
import java.util.Locale;

/** File-name-safe slugs for runbooks, targets and block ids: lower-case ASCII letters, digits and dashes. */
public final class Slug {

	private Slug() {
	}

	/** {@code "Migrate DB to Postgres 16!"} becomes {@code migrate-db-to-postgres-16}; nothing usable gives "x". */
	public static String of(String text) {
		if (text == null) {
			return "x";
		}
		String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		return slug.isEmpty() ? "x" : slug;
	}

	/** Like {@link #of} but keeps the dots of a block id ({@code 4.1.2}). */
	public static String ofBlockId(String id) {
		String slug = id == null ? "" : id.replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^[-.]+|[-.]+$", "");
		return slug.isEmpty() ? "x" : slug;
	}

}
