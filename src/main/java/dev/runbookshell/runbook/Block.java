package dev.runbookshell.runbook;

import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * A code block of the runbook. Executable blocks have an {@link #id} ({@code 4.1.2}: section number + ordinal)
 * and a unique {@link #name}; other blocks (yaml, no language, indented code) have both null and are shown as
 * context only.
 *
 * @param id section number + "." + ordinal among the section's executable blocks, null when not executable
 * @param name the {@code name} annotation, else a slug of the section heading made unique with -2, -3; null
 * when not executable
 * @param line 1-based line of the opening fence (first line for indented code)
 * @param language first word of the info string, lower-cased; "" when none or indented
 * @param fenced false for indented code blocks
 * @param executable true for a non-blank bash/sh/shell/zsh/console fenced block not annotated ignore=true
 * @param section the number of the section the block belongs to ({@code "0"} before any heading)
 * @param content the block's literal content as written
 * @param command what runs: the content, or for console blocks the lines after a {@code $ } prompt (all
 * lines when there is none)
 * @param hash {@code sha256:} + lowercase hex of {@link #command}'s UTF-8 bytes
 * @param annotations the info-string annotations
 * @param placeholders values to ask for before the block runs, in order of first appearance
 * @param expectations what the output should show ({@code expect=} and {@code # Should show:})
 * @param rollback true when the block sits in a rollback section
 */
public record Block(String id, String name, int line, String language, boolean fenced, boolean executable,
		String section, String content, String command, String hash, Annotations annotations,
		List<Placeholder> placeholders, List<Expectation> expectations, boolean rollback) {

	public Block {
		placeholders = List.copyOf(placeholders);
		expectations = List.copyOf(expectations);
	}

	/** The file line of line {@code commandLine} (0-based) of {@link #command}; see {@link #fileLines()}. */
	public int fileLine(int commandLine) {
		return fileLines().applyAsInt(commandLine);
	}

	/**
	 * Turns a 0-based line of {@link #command} into its file line. For a console block the prompt lines are
	 * found once here, so a caller with many lines to place takes this once rather than call {@link #fileLine}.
	 */
	public IntUnaryOperator fileLines() {
		int[] map = BlockText.contentLines(this.language, this.content);
		int first = this.line + 1;
		return commandLine -> first + (map != null && commandLine < map.length ? map[commandLine] : commandLine);
	}

	/** A {@code console} block without any {@code $ } prompt line: every line runs as a command. */
	public boolean promptless() {
		return this.language.equals("console") && !BlockText.hasPrompt(this.content);
	}

	/** The script file this block's content is (a shebang first), if it is one. */
	public Optional<ScriptFile> scriptFile() {
		return ScriptFile.of(this.content);
	}

	/** {@code "4.1.2 backup-db"}: how the block is named in messages. */
	public String label() {
		return this.id + " " + this.name;
	}

}
