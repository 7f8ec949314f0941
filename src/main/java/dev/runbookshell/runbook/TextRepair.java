package dev.runbookshell.runbook;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Repairs mojibake, UTF-8 text that was once decoded as Windows-1252 (or its Turkish cousin Windows-1254) and
 * saved again: {@code â†’} becomes {@code →}, {@code âœ…} becomes {@code ✅}, {@code ğŸš€} becomes {@code 🚀}. Only
 * runs of non-ASCII characters that re-encode to valid multi-byte UTF-8 are changed, so correct text (including
 * correct accents) is left alone. Used for what is shown (titles, names); commands are never changed.
 */
public final class TextRepair {

	private static final List<Charset> MISREAD_AS = List.of(Charset.forName("windows-1252"),
			Charset.forName("windows-1254"));

	private TextRepair() {
	}

	/** {@code text} with each mojibake run decoded again; the same string when there is none. */
	public static String repaired(String text) {
		StringBuilder out = null;
		int i = 0;
		int n = text.length();
		while (i < n) {
			if (text.charAt(i) < 0x80) {
				if (out != null) {
					out.append(text.charAt(i));
				}
				i++;
				continue;
			}
			int end = i;
			while (end < n && text.charAt(end) >= 0x80) {
				end++;
			}
			String run = text.substring(i, end);
			String fixed = redecode(run);
			if (out == null && fixed != null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (out != null) {
				out.append(fixed != null ? fixed : run);
			}
			i = end;
		}
		return out == null ? text : out.toString();
	}

	private static String redecode(String run) {
		for (Charset charset : MISREAD_AS) {
			try {
				ByteBuffer bytes = charset.newEncoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.encode(CharBuffer.wrap(run));
				String decoded = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(bytes)
					.toString();
				if (decoded.length() < run.length()) {
					return decoded;
				}
			}
			catch (CharacterCodingException ex) {
				// not this charset's mojibake
			}
		}
		return null;
	}

}
