package dev.runbookshell.runbook;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** Plain text of inline content (headings, checklist paragraphs) and the slugs made from it. */
final class HeadingText {

	private static final int MAX_SLUG = 48;

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*\\d+(\\.\\d+)*[.):]?\\s+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}");

	private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

	private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

	private HeadingText() {
	}

	static String plain(Node node) {
		StringBuilder text = new StringBuilder();
		append(node, text);
		return SPACES.matcher(text).replaceAll(" ").strip();
	}

	private static void append(Node node, StringBuilder text) {
		for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
			if (child instanceof Text t) {
				text.append(t.getLiteral());
			}
			else if (child instanceof Code c) {
				text.append(c.getLiteral());
			}
			else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
				text.append(' ');
			}
			else {
				append(child, text);
			}
		}
	}

	/**
	 * {@code "1.2 Back up the Database!"} becomes {@code back-up-the-database}: leading numbering dropped,
	 * accents folded, anything else not ASCII dropped, runs of other characters turned into one dash. Empty when
	 * nothing is left.
	 */
	static String slug(String title) {
		String text = LEADING_NUMBER.matcher(title).replaceFirst("");
		String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		String slug = EDGE_DASHES.matcher(NOT_SLUG.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
		if (slug.length() > MAX_SLUG) {
			int cut = slug.lastIndexOf('-', MAX_SLUG);
			slug = slug.substring(0, cut > 0 ? cut : MAX_SLUG);
		}
		return slug;
	}

}
