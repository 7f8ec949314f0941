package dev.runbookshell.journal;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** File-name-safe slugs for runbooks, targets and block ids: lower-case ASCII letters, digits and dashes. */
public final class Slug {

	// compiled once: a journal names a side file after its block id on every block
	private static final Pattern NOT_IN_BLOCK_ID = Pattern.compile("[^A-Za-z0-9.]+");

	private static final Pattern BLOCK_ID_ENDS = Pattern.compile("^[-.]+|[-.]+$");

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

	/**
	 * A runbook's part of the names of its journals and fleet indexes: its file name without {@code .md} or
	 * {@code .markdown}, as a slug ({@code plans/DB Move.md} becomes {@code db-move}).
	 */
	public static String ofRunbook(String file) {
		String name = file == null ? null : Path.of(file).getFileName().toString().replaceFirst("\\.(md|markdown)$", "");
		return of(name);
	}

	/** Like {@link #of} but keeps the dots of a block id ({@code 4.1.2}). */
	public static String ofBlockId(String id) {
		String slug = id == null ? "" : BLOCK_ID_ENDS.matcher(NOT_IN_BLOCK_ID.matcher(id).replaceAll("-")).replaceAll("");
		return slug.isEmpty() ? "x" : slug;
	}

}
