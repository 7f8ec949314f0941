package dev.runbookshell.report;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the inserted parts out of a runbook-as-record, by the rules its Javadoc states and by nothing else, so a
 * test can compare what is left with the original bytes.
 */
public final class RecordMarkers {

	private static final Pattern BLOCK = Pattern.compile(
			"(?:^|(?<=[\\r\\n]))[ \\t>]*<!-- runbook-shell:record [^\\r\\n]*-->(?:\\r\\n|\\n|\\r)(?s:.*?)(?<=[\\r\\n])[ \\t>]*<!-- /runbook-shell:record -->(\\r\\n|\\n|\\r)?");

	private static final Pattern CHECK = Pattern
		.compile("(?s)<!-- runbook-shell:check( ticked)? -->.*?<!-- /runbook-shell:check -->");

	private RecordMarkers() {
	}

	public static byte[] strip(byte[] record) {
		String text = new String(record, StandardCharsets.ISO_8859_1);
		StringBuilder out = new StringBuilder();
		Matcher block = BLOCK.matcher(text);
		int at = 0;
		while (block.find()) {
			out.append(text, at, block.start());
			if (block.group(1) == null) {
				// inserted at the end of a file without a last newline: it began with one
				int cut = out.length() >= 2 && out.substring(out.length() - 2).equals("\r\n") ? 2 : 1;
				out.setLength(out.length() - cut);
			}
			at = block.end();
		}
		out.append(text.substring(at));
		String[] lines = out.toString().split("(?<=\\n)|(?<=\\r)(?!\\n)", -1);
		StringBuilder restored = new StringBuilder();
		for (String line : lines) {
			Matcher check = CHECK.matcher(line);
			if (check.find()) {
				String without = line.substring(0, check.start()) + line.substring(check.end());
				restored.append(check.group(1) != null ? without.replaceFirst("\\[x\\]", "[ ]") : without);
			}
			else {
				restored.append(line);
			}
		}
		return restored.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

}
