package dev.runbookshell.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Collects what the engine reports. */
final class RecordingListener implements SessionListener {

	final List<BlockPrompt> headers = new ArrayList<>();

	final List<BlockReport> finished = new ArrayList<>();

	final List<String> warnings = new ArrayList<>();

	final List<String> messages = new ArrayList<>();

	final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@Override
	public void blockHeader(BlockPrompt block) {
		this.headers.add(block);
	}

	@Override
	public synchronized void output(byte[] buffer, int offset, int length) {
		this.output.write(buffer, offset, length);
	}

	@Override
	public void blockFinished(BlockReport report) {
		this.finished.add(report);
	}

	@Override
	public void warning(String text) {
		this.warnings.add(text);
	}

	@Override
	public void message(String text) {
		this.messages.add(text);
	}

	String output() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

}
