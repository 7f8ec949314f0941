package dev.runbookshell.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/**
 * What an edit changed against the runbook's text, as a unified diff of lines, shown before the edited block
 * runs. Control characters (a CR an editor left) are shown as {@code ^M}, never sent to the terminal.
 */
final class EditDiff {

	private static final int CONTEXT_LINES = 2;

	private EditDiff() {
	}

	/** The diff's lines: {@code --- runbook}, {@code +++ edit}, then hunks; empty when the texts are equal. */
	static List<String> lines(String runbook, String edited) {
		List<String> original = split(runbook);
		List<String> revised = split(edited);
		Patch<String> patch = DiffUtils.diff(original, revised);
		if (patch.getDeltas().isEmpty()) {
			return List.of();
		}
		return UnifiedDiffUtils.generateUnifiedDiff("runbook", "edit", original, patch, CONTEXT_LINES);
	}

	/** The diff coloured for the terminal: removed lines red, added lines green. */
	static String render(List<String> lines, org.jline.terminal.Terminal terminal) {
		AttributedStringBuilder out = new AttributedStringBuilder();
		for (String line : lines) {
			if (out.length() > 0) {
				out.append('\n');
			}
			AttributedStyle style = AttributedStyle.DEFAULT;
			if (line.startsWith("@@")) {
				style = style.foreground(AttributedStyle.CYAN);
			}
			else if (line.startsWith("-") && !line.startsWith("---")) {
				style = style.foreground(AttributedStyle.RED);
			}
			else if (line.startsWith("+") && !line.startsWith("+++")) {
				style = style.foreground(AttributedStyle.GREEN);
			}
			out.append("    ").append(visible(line), style);
		}
		return out.toAnsi(terminal);
	}

	/** Lines without their LF; a text without a final newline ends with git's marker line saying so. */
	private static List<String> split(String text) {
		boolean finalNewline = text.endsWith("\n");
		List<String> lines = new ArrayList<>(
				Arrays.asList((finalNewline ? text.substring(0, text.length() - 1) : text).split("\n", -1)));
		if (!finalNewline) {
			lines.add("\\ No newline at end of file");
		}
		return lines;
	}

	private static String visible(String line) {
		StringBuilder out = new StringBuilder(line.length());
		for (char c : line.toCharArray()) {
			if (c < ' ' && c != '\t') {
				out.append('^').append((char) (c + '@'));
			}
			else if (c == 0x7f) {
				out.append("^?");
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
