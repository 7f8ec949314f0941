package dev.runbookshell.shell;

/**
 * The little line editing a terminal in canonical mode offers, for {@link KeyboardForwarder}, which cannot use
 * that mode (its blocking read could not be stopped when the block ends): echo, backspace, Ctrl-W and Ctrl-U;
 * escape sequences such as arrow keys and other control characters are dropped.
 */
final class CookedLine {

	private static final char ESC = 0x1b;

	private static final char CTRL_H = 0x08;

	private static final char CTRL_U = 0x15;

	private static final char CTRL_W = 0x17;

	private static final char DEL = 0x7f;

	private enum Escape {
		NONE, STARTED, SEQUENCE
	}

	private final StringBuilder line = new StringBuilder();

	private Escape escape = Escape.NONE;

	private boolean afterCarriageReturn;

	/**
	 * Takes one typed character and appends to {@code echo} what the terminal should show for it.
	 * @return the finished line with its newline when {@code c} was Enter, else null
	 */
	String accept(char c, StringBuilder echo) {
		boolean newlineAfterReturn = c == '\n' && this.afterCarriageReturn;
		this.afterCarriageReturn = c == '\r';
		if (this.escape != Escape.NONE) {
			skipEscape(c);
			return null;
		}
		if (c == '\r' || (c == '\n' && !newlineAfterReturn)) {
			String done = this.line.append('\n').toString();
			this.line.setLength(0);
			echo.append('\n');
			return done;
		}
		switch (c) {
			case ESC -> this.escape = Escape.STARTED;
			case DEL, CTRL_H -> erase(1, echo);
			case CTRL_U -> erase(this.line.codePointCount(0, this.line.length()), echo);
			case CTRL_W -> erase(lastWordLength(), echo);
			default -> {
				if (c >= ' ' || c == '\t') {
					this.line.append(c);
					echo.append(c);
				}
			}
		}
		return null;
	}

	/** Whether something was typed but not yet sent with Enter. */
	boolean pending() {
		return !this.line.isEmpty();
	}

	/** ESC [ ... final byte (CSI) or ESC O x (SS3): arrow and function keys; ESC x: Alt+x. */
	private void skipEscape(char c) {
		if (this.escape == Escape.STARTED) {
			this.escape = c == '[' || c == 'O' ? Escape.SEQUENCE : Escape.NONE;
		}
		else if (c >= 0x40 && c <= 0x7e) {
			this.escape = Escape.NONE;
		}
	}

	private void erase(int codePoints, StringBuilder echo) {
		for (int i = 0; i < codePoints && !this.line.isEmpty(); i++) {
			int end = this.line.length();
			this.line.setLength(end - Character.charCount(this.line.codePointBefore(end)));
			echo.append("\b \b");
		}
	}

	/** Trailing blanks and the word before them, in code points. */
	private int lastWordLength() {
		int i = this.line.length();
		while (i > 0 && this.line.charAt(i - 1) == ' ') {
			i--;
		}
		while (i > 0 && this.line.charAt(i - 1) != ' ') {
			i--;
		}
		return this.line.codePointCount(i, this.line.length());
	}

}
