package dev.runbookshell.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.runbookshell.journal.JournalEntry;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalEvent.BlockRef;

/** A journal kept in memory: the events in order, and each capture's text. */
final class MemoryJournal implements SessionJournal {

	final List<JournalEvent> events = new ArrayList<>();

	final List<String> secrets = new ArrayList<>();

	@Override
	public void append(JournalEvent event) {
		this.events.add(event);
	}

	@Override
	public Capture capture(BlockRef block) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		return new Capture() {
			@Override
			public void write(byte[] buffer, int offset, int length) {
				bytes.write(buffer, offset, length);
			}

			@Override
			public Captured finish() {
				return new Captured(bytes.toString(StandardCharsets.UTF_8), null);
			}
		};
	}

	@Override
	public void addSecret(String value) {
		this.secrets.add(value);
	}

	@Override
	public String location() {
		return "memory.jsonl";
	}

	@Override
	public void close() {
	}

	<T extends JournalEvent> List<T> all(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	List<String> types() {
		return this.events.stream().map(JournalEvent::type).toList();
	}

	List<JournalEntry> entries() {
		List<JournalEntry> entries = new ArrayList<>();
		for (int i = 0; i < this.events.size(); i++) {
			entries.add(new JournalEntry(i + 1, Instant.EPOCH, null, this.events.get(i), i + 1));
		}
		return entries;
	}

}
