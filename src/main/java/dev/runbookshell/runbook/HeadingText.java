package dev.runbookshell.runbook;

import java.text.Normalizer;
import java.util.Locale;

import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** Plain text of inline content (headings, checklist paragraphs) and the slugs made from it. */
final class HeadingText {

	private static final int MAX_SLUG = 48;

	private HeadingText() {
	}

	static String plain(Node node) {
		StringBuilder text = new StringBuilder();
		append(node, text);
		return text.toString().replaceAll("\\s+", " ").strip();
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
		String text = title.replaceFirst("^\\s*\\d+(\\.\\d+)*[.):]?\\s+", "");
		String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > MAX_SLUG) {
			int cut = slug.lastIndexOf('-', MAX_SLUG);
			slug = slug.substring(0, cut > 0 ? cut : MAX_SLUG);
		}
		return slug;
	}

}
