package dev.runbookshell.runbook;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A block whose content is a file's content rather than commands to type: its first line is a shebang
 * ({@code #!/bin/bash}), or a comment naming a file ({@code # rollback.sh}) followed by one. Running such a
 * block runs that script's commands now, in the session's shell, which is rarely what "create the rollback
 * script" meant; lint and the confirmation prompt say so.
 *
 * @param name the file name from the comment above the shebang ({@code rollback.sh}), or null
 * @param shebang the shebang line as written
 */
public record ScriptFile(String name, String shebang) {

	private static final Pattern NAME_COMMENT = Pattern.compile("^\\s*(?:#|//)\\s*([\\w./-]+\\.[A-Za-z0-9]{1,5})\\s*:?\\s*$");

	/** The file a block's content is, if it is one. */
	static Optional<ScriptFile> of(String content) {
		String first = null;
		String second = null;
		int start = 0;
		while (start < content.length() && second == null) {
			int end = content.indexOf('\n', start);
			end = end < 0 ? content.length() : end;
			String line = content.substring(start, end).strip();
			if (!line.isEmpty()) {
				if (first == null) {
					first = line;
				}
				else {
					second = line;
				}
			}
			start = end + 1;
			if (first != null && first.startsWith("#!")) {
				return Optional.of(new ScriptFile(null, first));
			}
		}
		if (first == null || second == null || !second.startsWith("#!")) {
			return Optional.empty();
		}
		Matcher name = NAME_COMMENT.matcher(first);
		return name.matches() ? Optional.of(new ScriptFile(name.group(1), second)) : Optional.empty();
	}

	/** One line for the prompt and lint: what running the block does. */
	public String warning() {
		return "this block is the content of " + (this.name != null ? this.name : "a script") + " (" + this.shebang
				+ "): running it runs that script's commands now";
	}

}
