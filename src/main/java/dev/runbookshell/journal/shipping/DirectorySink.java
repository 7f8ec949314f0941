package dev.runbookshell.journal.shipping;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import dev.runbookshell.journal.JournalLines;

/**
 * Copies a journal, line by line as it is written, into a directory (on another mount): {@code <dir>/<journal
 * name>} holds the same bytes as the journal, each line synced, and {@code <dir>/<journal name>.sig} its latest
 * signature. The copy is a journal: {@code report} reads it as it is. A resumed journal continues its copy; a
 * copy that differs from the journal (another journal of the same name) is left alone and the lines go to
 * {@code <name>-2.jsonl} instead. A line half written when the mount failed is cut off before the next try.
 */
final class DirectorySink implements EventSink {

	private final ShipDestination destination;

	private final String journal;

	private Path copy;

	private FileChannel channel;

	/** The copy's lines when it was opened, to skip those a resumed journal sends again. */
	private List<byte[]> existing;

	private long committed;

	private long linesWritten;

	DirectorySink(ShipDestination destination, String journal) {
		this.destination = destination;
		this.journal = journal;
	}

	/** The copy being written, for messages and tests. */
	Path copy() {
		return this.copy;
	}

	@Override
	public void send(Shipment shipment) throws IOException {
		if (shipment instanceof Shipment.Signature signature) {
			writeSignature(signature);
			return;
		}
		Shipment.Line line = (Shipment.Line) shipment;
		FileChannel out = opened();
		if (line.seq() <= this.existing.size() && this.linesWritten < line.seq()) {
			if (Arrays.equals(this.existing.get((int) line.seq() - 1), line.bytes())) {
				this.linesWritten = line.seq();
				return;
			}
			reopenAside((int) line.seq() - 1);
			out = opened();
		}
		if (line.seq() <= this.linesWritten) {
			return;
		}
		try {
			out.truncate(this.committed);
			writeLine(out, line.bytes(), this.committed);
			out.force(false);
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
		this.committed += line.bytes().length + 1;
		this.linesWritten = line.seq();
	}

	private FileChannel opened() throws IOException {
		if (this.channel != null && this.channel.isOpen()) {
			return this.channel;
		}
		if (this.copy == null) {
			this.copy = this.destination.directory().resolve(this.journal);
		}
		if (!Files.isDirectory(this.destination.directory())) {
			throw new IOException("no such directory " + this.destination.directory() + " (not mounted?)");
		}
		this.channel = FileChannel.open(this.copy, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		if (this.existing == null) {
			this.existing = JournalLines.complete(this.copy);
			this.committed = this.existing.stream().mapToLong(l -> l.length + 1L).sum();
		}
		return this.channel;
	}

	/**
	 * The copy holds something else from line {@code same + 1} on: keep it, and start a copy of our own under the
	 * next free name with the {@code same} lines that did match.
	 */
	private void reopenAside(int same) throws IOException {
		List<byte[]> matching = this.existing.subList(0, same);
		close();
		String base = this.journal.endsWith(".jsonl") ? this.journal.substring(0, this.journal.length() - 6)
				: this.journal;
		int n = 2;
		while (Files.exists(this.destination.directory().resolve(base + "-" + n + ".jsonl"))) {
			n++;
		}
		this.copy = this.destination.directory().resolve(base + "-" + n + ".jsonl");
		this.existing = List.of();
		this.committed = 0;
		this.linesWritten = 0;
		FileChannel out = opened();
		for (byte[] line : matching) {
			writeLine(out, line, this.committed);
			this.committed += line.length + 1;
		}
		out.force(false);
		this.linesWritten = same;
	}

	private void writeSignature(Shipment.Signature signature) throws IOException {
		if (this.copy == null) {
			opened();
		}
		Path sig = this.copy.resolveSibling(this.copy.getFileName() + ".sig");
		Path temporary = sig.resolveSibling(sig.getFileName() + ".tmp");
		try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			out.write(ByteBuffer.wrap(signature.armored().getBytes(StandardCharsets.US_ASCII)));
			out.force(true);
		}
		Files.move(temporary, sig, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void writeLine(FileChannel out, byte[] line, long at) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
		while (buffer.hasRemaining()) {
			out.write(buffer, at + buffer.position());
		}
	}

	@Override
	public String describe() {
		return this.destination.uri();
	}

	@Override
	public synchronized void close() {
		if (this.channel != null) {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// closing is all that was wanted
			}
			this.channel = null;
		}
	}

}
