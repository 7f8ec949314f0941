package dev.runbookshell.runbook;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** Plain text of inline content (headings, checklist items, the text before a block) and the slugs made from it. */
final class HeadingText {

	private static final int MAX_SLUG = 48;

	private static final int MAX_PARSED = 1000;

	private static final int MAX_MARKUP = 64;

	/** Parses a short text as one paragraph: no block syntax, so "1. Step" stays text, not a list. */
	private static final Parser INLINES_ONLY = Parser.builder().enabledBlockTypes(Set.of()).build();

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/** Emoji and other symbols before a heading's number: {@code ✅ 1. Add a user}. */
	private static final Pattern LEADING_SYMBOLS = Pattern.compile("^[^\\p{L}\\p{N}]++");

	private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*\\d+(\\.\\d+)*[.):]?\\s+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}");

	private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

	private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

	private HeadingText() {
	}

	/**
	 * The plain text of a heading or paragraph kept by {@link DeferredInlines}: its inline Markdown parsed on
	 * its own (emphasis, code spans and links become their text), mojibake repaired. Text longer than
	 * {@link #MAX_PARSED} or dense with markup is taken as written instead: CommonMark's inline parsing is
	 * superlinear on some such text, and no real heading is like that.
	 */
	static String plain(org.commonmark.node.Block node) {
		return TextRepair.repaired(asWritten(node));
	}

	/** Like {@link #plain} without the mojibake repair: the text as the file has it. */
	static String asWritten(org.commonmark.node.Block node) {
		return asWritten(DeferredInlines.raw(node));
	}

	/** The plain text of inline Markdown {@code raw}, as written (see {@link #plain}). */
	static String asWritten(String raw) {
		String text = raw;
		int markup = markup(raw);
		if (markup > 0 && raw.length() <= MAX_PARSED && markup <= MAX_MARKUP) {
			StringBuilder parsed = new StringBuilder();
			append(INLINES_ONLY.parse(raw), parsed);
			text = parsed.isEmpty() && !raw.isBlank() ? raw : parsed.toString();
		}
		return SPACES.matcher(text).replaceAll(" ").strip();
	}

	private static int markup(String raw) {
		int count = 0;
		for (int i = 0; i < raw.length(); i++) {
			if ("*_[]!<>`&\\".indexOf(raw.charAt(i)) >= 0) {
				count++;
			}
		}
		return count;
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
		String text = LEADING_NUMBER.matcher(LEADING_SYMBOLS.matcher(title).replaceFirst("")).replaceFirst("");
		String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		String slug = EDGE_DASHES.matcher(NOT_SLUG.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
		if (slug.length() > MAX_SLUG) {
			int cut = slug.lastIndexOf('-', MAX_SLUG);
			slug = slug.substring(0, cut > 0 ? cut : MAX_SLUG);
		}
		return slug;
	}

}
