package dev.runbookshell.runbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * The text that introduces a code block, to name blocks that share one heading: the paragraph just before it
 * ({@code Validate backup integrity:}), else the first paragraph of each list item it sits in, nearest first.
 * A name made from it keeps the words that say what the block does ({@code validate-backup-integrity}), not
 * the ones that only lead to it ({@code Then run the following:}).
 */
final class BlockIntro {

	private static final Set<String> LEADING = Set.of("then", "now", "next", "first", "finally", "also", "and", "or",
			"to", "please", "run", "execute", "type", "use", "the", "following", "this", "these", "you", "can", "we",
			"a", "an");

	private static final Set<String> TRAILING = Set.of("with", "using", "by", "via", "the", "following", "this",
			"these", "command", "commands", "below", "as", "eg", "e", "g", "for", "example", "in", "on", "to", "run",
			"a", "an", "is", "like", "e-g");

	private BlockIntro() {
	}

	/** Texts that may introduce {@code code}, nearest first (plain, mojibake repaired). */
	static List<String> candidates(Node code) {
		List<String> texts = new ArrayList<>();
		if (code.getPrevious() instanceof Paragraph paragraph) {
			texts.add(HeadingText.plain(paragraph));
		}
		for (Node parent = code.getParent(); parent != null; parent = parent.getParent()) {
			if (parent instanceof ListItem && parent.getFirstChild() instanceof Paragraph first
					&& first != code.getPrevious()) {
				texts.add(HeadingText.plain(first));
			}
		}
		return texts;
	}

	/** The name the first useful candidate gives, or null when none says anything. */
	static String name(List<String> candidates) {
		for (String text : candidates) {
			String slug = slug(lastSentence(text));
			if (!slug.isEmpty()) {
				return slug;
			}
		}
		return null;
	}

	private static String lastSentence(String text) {
		String trimmed = text.strip();
		while (!trimmed.isEmpty() && ".:;,".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
			trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
		}
		int end = Math.max(trimmed.lastIndexOf(". "), trimmed.lastIndexOf(": "));
		return end >= 0 ? trimmed.substring(end + 2) : trimmed;
	}

	private static String slug(String sentence) {
		List<String> words = new ArrayList<>(Arrays.asList(HeadingText.slug(sentence).split("-")));
		words.removeIf(String::isEmpty);
		while (!words.isEmpty() && LEADING.contains(words.get(0))) {
			words.remove(0);
		}
		while (!words.isEmpty() && TRAILING.contains(words.get(words.size() - 1))) {
			words.remove(words.size() - 1);
		}
		return String.join("-", words);
	}

}
