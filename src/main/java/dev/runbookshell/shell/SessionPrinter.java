package dev.runbookshell.shell;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.runbook.DurationText;
import dev.runbookshell.session.BlockPrompt;
import dev.runbookshell.session.SessionListener;
import dev.runbookshell.session.SessionResult;

/**
 * Prints a session as it goes: each block's header ({@code ==> [3/12] 2.1 backup-db  (Phase 2 > Backup)  on
 * local}), its output as it streams, a one-line result, warnings and messages. Used by the one-shot {@code run}
 * and by the interactive shell.
 */
public class SessionPrinter implements SessionListener {

	private final PrintWriter out;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPLACE)
		.onUnmappableCharacter(CodingErrorAction.REPLACE);

	private ByteBuffer leftover = ByteBuffer.allocate(0);

	private boolean atLineStart = true;

	public SessionPrinter(PrintWriter out) {
		this.out = out;
	}

	@Override
	public void blockHeader(BlockPrompt block) {
		String position = block.index() > 0 ? "[" + block.index() + "/" + block.total() + "] " : "[rollback] ";
		String path = block.headingPath().isEmpty() ? "" : "  (" + String.join(" > ", block.headingPath()) + ")";
		println("==> " + position + block.block().label() + path + "  on " + block.targetName());
	}

	@Override
	public synchronized void output(byte[] buffer, int offset, int length) {
		ByteBuffer in = ByteBuffer.allocate(this.leftover.remaining() + length);
		in.put(this.leftover).put(buffer, offset, length).flip();
		CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
		this.decoder.decode(in, chars, false);
		this.leftover = in.slice();
		chars.flip();
		if (chars.hasRemaining()) {
			String text = chars.toString();
			this.out.print(text);
			this.atLineStart = text.endsWith("\n");
			this.out.flush();
		}
	}

	@Override
	public void blockFinished(BlockReport report) {
		endOutputLine();
		StringBuilder line = new StringBuilder("<== ").append(report.block().label()).append(' ')
			.append(report.status().wire());
		if (report.status() != BlockStatus.SKIPPED) {
			line.append(" (");
			if (report.exitCode() != null) {
				line.append("exit ").append(report.exitCode()).append(", ");
			}
			line.append(DurationText.terminal(report.duration())).append(')');
		}
		if (report.message() != null && report.status() != BlockStatus.SUCCEEDED) {
			line.append(": ").append(report.message());
		}
		println(line.toString());
	}

	@Override
	public void warning(String text) {
		endOutputLine();
		println("warning: " + text);
	}

	@Override
	public void message(String text) {
		endOutputLine();
		println(text);
	}

	/** The closing summary: status, counts and where the journal is. */
	public void summary(SessionResult result) {
		endOutputLine();
		String counts = result.counts().entrySet().stream()
			.map(e -> e.getValue() + " " + e.getKey())
			.collect(Collectors.joining(", "));
		println("Session " + result.status().wire() + (counts.isEmpty() ? "" : ": " + counts) + ". Journal: "
				+ result.journal());
	}


	private synchronized void endOutputLine() {
		if (!this.atLineStart) {
			this.out.println();
			this.atLineStart = true;
		}
	}

	private synchronized void println(String line) {
		this.out.println(line);
		this.out.flush();
		this.atLineStart = true;
	}

}
