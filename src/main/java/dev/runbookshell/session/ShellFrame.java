package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.List;

/**
 * One level of quoting while {@link ShellScan} reads a block: where its text begins (for text another shell parses
 * again), and for code levels the words of the current simple command so far.
 */
final class ShellFrame {

	/** What a level is. */
	enum Kind {

		/** Shell code: the block itself, {@code $(...)} and backquotes. */
		CODE, SUBSHELL, BACKQUOTE, SINGLE, DOUBLE, ANSI, PARAMETER, ARITHMETIC, COMMENT, HEREDOC;

		boolean isCode() {
			return this == CODE || this == SUBSHELL || this == BACKQUOTE;
		}

	}

	final Kind kind;

	final int start;

	/** Whether its text is parsed again by another shell ({@code bash -c '...'}). */
	final boolean reparsed;

	final String delimiter;

	final boolean quotedHeredoc;

	final boolean stripTabs;

	int depth;

	/** For code frames: the words of the current simple command so far (raw text, quotes left out). */
	final List<String> words = new ArrayList<>();

	final StringBuilder word = new StringBuilder();

	boolean inWord;

	/** For code frames: whether the word being read is text another shell parses again. */
	boolean wordReparsed;

	ShellFrame(Kind kind, int start, boolean reparsed) {
		this(kind, start, reparsed, null, false, false);
	}

	ShellFrame(Kind kind, int start, boolean reparsed, String delimiter, boolean quotedHeredoc, boolean stripTabs) {
		this.kind = kind;
		this.start = start;
		this.reparsed = reparsed;
		this.delimiter = delimiter;
		this.quotedHeredoc = quotedHeredoc;
		this.stripTabs = stripTabs;
	}

}
