package dev.runbookshell.session;

import dev.runbookshell.runbook.Block;

/**
 * Which runbook line each line of the script that runs comes from. The shell numbers the script from the block's
 * first content line; a console block runs only its prompt lines, so its script lines are matched, in order, to
 * the content lines they were taken from. Lines of an edited script that match nothing keep the plain offset.
 */
final class ScriptLines {

	private final int firstLine;

	private final String[] script;

	private final int[] runbook;

	private ScriptLines(int firstLine, String[] script, int[] runbook) {
		this.firstLine = firstLine;
		this.script = script;
		this.runbook = runbook;
	}

	static ScriptLines of(Block block, String script) {
		int first = block.line() + 1;
		String[] lines = script.split("\n", -1);
		String[] content = block.content().split("\n", -1);
		int[] runbook = new int[lines.length];
		int at = 0;
		for (int i = 0; i < lines.length; i++) {
			int found = -1;
			for (int c = at; c < content.length && !lines[i].isBlank(); c++) {
				if (content[c].endsWith(lines[i])) {
					found = c;
					break;
				}
			}
			if (found >= 0) {
				at = found + 1;
			}
			runbook[i] = found >= 0 ? first + found : -1;
		}
		for (int i = 0; i < lines.length; i++) {
			if (runbook[i] < 0) {
				runbook[i] = first + i;
			}
		}
		return new ScriptLines(first, lines, runbook);
	}

	/** The line the shell numbers the script's first line with. */
	int firstLine() {
		return this.firstLine;
	}

	/** The runbook line of what the shell called {@code shellLine}; lines outside the script stay as they are. */
	int runbookLine(int shellLine) {
		int index = shellLine - this.firstLine;
		return index >= 0 && index < this.runbook.length ? this.runbook[index] : shellLine;
	}

	/** The script's text at {@code shellLine}, stripped, or "" when the line is not the script's. */
	String text(int shellLine) {
		int index = shellLine - this.firstLine;
		return index >= 0 && index < this.script.length ? this.script[index].strip() : "";
	}

}
