package dev.runbookshell.runbook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown runbook into a {@link Runbook}: front matter, heading tree, code blocks with stable ids and
 * names, checklist items, placeholders and expectations. Markdown is parsed by commonmark-java with block
 * source spans, so every line number is the line in the file (front matter and CRLF line ends included).
 * <p>
 * Tolerant of what real files contain (mojibake, CRLF, tabs, unclosed fences, no headings): those become
 * {@link ParseNote}s for lint, never failures. A {@link RunbookParseException} naming the file and line is
 * thrown only when there is no runbook to speak of: a missing, unreadable, binary or directory path, invalid
 * front matter.
 * <p>
 * Instances are immutable and thread-safe; one can be shared by the whole application.
 */
public final class RunbookParser {

	/** Larger than any hand-written runbook; protects against opening a log or an image by mistake. */
	private static final long MAX_BYTES = 32L * 1024 * 1024;

	/** Block structure only; {@link DeferredInlines} keeps the few texts we read, parsed later and bounded. */
	private final Parser markdown = Parser.builder()
		.includeSourceSpans(IncludeSourceSpans.BLOCKS)
		.inlineParserFactory(DeferredInlines.FACTORY)
		.build();

	/** Parses the file at {@code file}. */
	public Runbook parse(Path file) throws RunbookParseException {
		return read(file).runbook();
	}

	/** Parses {@code source} as if read from a file called {@code fileName} (used in messages only). */
	public Runbook parse(String fileName, String source) throws RunbookParseException {
		return read(fileName, source).runbook();
	}

	/** Like {@link #parse(Path)}, also returning what had to be tolerated. */
	public ParseResult read(Path file) throws RunbookParseException {
		String name = file.toString();
		if (Files.isDirectory(file)) {
			throw new RunbookParseException(name, 0, "is a directory, not a runbook file");
		}
		if (!Files.exists(file)) {
			throw new RunbookParseException(name, 0, "no such file");
		}
		byte[] bytes;
		try {
			if (Files.size(file) > MAX_BYTES) {
				throw new RunbookParseException(name, 0, "too large for a runbook (" + Files.size(file) + " bytes)");
			}
			bytes = Files.readAllBytes(file);
		}
		catch (AccessDeniedException ex) {
			throw new RunbookParseException(name, 0, "cannot read the file: permission denied", ex);
		}
		catch (IOException ex) {
			throw new RunbookParseException(name, 0, "cannot read the file: " + ex.getMessage(), ex);
		}
		return read(name, bytes);
	}

	/** Like {@link #parse(String, String)}, also returning what had to be tolerated. */
	public ParseResult read(String fileName, String source) throws RunbookParseException {
		return read(fileName, source.getBytes(StandardCharsets.UTF_8));
	}

	private ParseResult read(String fileName, byte[] bytes) throws RunbookParseException {
		int nul = indexOfNul(bytes);
		if (nul >= 0) {
			throw new RunbookParseException(fileName, lineAt(bytes, nul),
					"binary file (NUL byte), not a Markdown runbook");
		}
		String text = decode(bytes);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		// CommonMark treats CR, LF and CRLF alike as line ends; one form keeps literals and hashes stable.
		String normalized = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
		List<String> lines = normalized.startsWith("---") ? frontMatterCandidate(normalized) : List.of();
		FrontMatter frontMatter = FrontMatterReader.read(fileName, lines);
		int frontMatterLines = FrontMatterReader.lineCount(lines);
		// Blank lines stand in for the front matter so that source spans still count lines of the file.
		String body = normalized;
		if (frontMatterLines > 0) {
			int offset = 0;
			for (int i = 0; i < frontMatterLines; i++) {
				offset += lines.get(i).length() + 1;
			}
			body = "\n".repeat(frontMatterLines) + normalized.substring(Math.min(offset, normalized.length()));
		}
		Node document = this.markdown.parse(body);
		ParseResult result = new DocumentReader(fileName, frontMatter, body).read(document, DocumentReader.hex(bytes));
		if (text.indexOf('\uFFFD') >= 0) {
			refuseUndecodableBlocks(fileName, bytes, result.runbook());
		}
		return result;
	}

	/**
	 * Prose that is not UTF-8 is shown with U+FFFD in place of what could not be read; a block is not: it would run
	 * other bytes than the file holds, and its record would not be the file's.
	 */
	private static void refuseUndecodableBlocks(String fileName, byte[] bytes, Runbook runbook)
			throws RunbookParseException {
		List<Block> blocks = runbook.executableBlocks();
		int[] lastLines = blocks.stream().mapToInt(b -> b.line() + (int) b.content().lines().count() + 1).toArray();
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		int line = 1;
		int counted = 0;
		while (in.hasRemaining()) {
			CoderResult result = decoder.decode(in, out, true);
			if (!result.isError()) {
				break;
			}
			int at = in.position();
			for (; counted < at; counted++) {
				if (bytes[counted] == '\n') {
					line++;
				}
			}
			for (int i = 0; i < blocks.size(); i++) {
				if (line >= blocks.get(i).line() && line <= lastLines[i]) {
					throw new RunbookParseException(fileName, line, "not UTF-8 (byte 0x"
							+ String.format("%02X", bytes[at] & 0xff) + ") in block " + blocks.get(i).label()
							+ ": it would run other bytes than the file holds; save the file as UTF-8 "
							+ "(iconv -f latin1 -t utf-8)");
				}
			}
			in.position(at + result.length());
		}
	}

	/** The lines up to the first closing {@code ---} or {@code ...}: all that front matter can be. */
	private static List<String> frontMatterCandidate(String text) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		while (start <= text.length()) {
			int end = text.indexOf('\n', start);
			end = end < 0 ? text.length() : end;
			String line = text.substring(start, end);
			lines.add(line);
			String stripped = line.strip();
			if (lines.size() > 1 && (stripped.equals("---") || stripped.equals("..."))) {
				break;
			}
			start = end + 1;
		}
		return lines;
	}

	/** Invalid UTF-8 (a Latin-1 file, a truncated character) becomes U+FFFD rather than an error (in prose). */
	private static String decode(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalStateException("a replacing decoder does not throw", ex);
		}
	}

	private static int indexOfNul(byte[] bytes) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == 0) {
				return i;
			}
		}
		return -1;
	}

	private static int lineAt(byte[] bytes, int index) {
		int line = 1;
		for (int i = 0; i < index; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

}
