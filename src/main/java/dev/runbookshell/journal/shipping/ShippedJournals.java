package dev.runbookshell.journal.shipping;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalReader;

/**
 * Rebuilds journals from what a syslog server wrote to its file: every line holding one of our messages (found
 * by {@link ShipEnvelope#MARK}, whatever the server's line format puts before it), grouped by journal name, each
 * journal line put back together from its parts, duplicates from reconnections dropped. A journal is rebuilt from
 * seq 1 up to the first seq missing; its hash chain then says whether the copy is whole and untouched, and the
 * newest signature shipped with it comes back as its {@code .sig}.
 */
public final class ShippedJournals {

	/**
	 * One journal rebuilt.
	 * @param file where it was written
	 * @param journal the rebuilt journal as read back (chain verified)
	 * @param missingFrom the first seq that was never received though a later one was, or 0 when none is missing
	 * @param conflicts how many seqs arrived with two different contents (a sign of tampering; the first is kept)
	 * @param signature the {@code .sig} written beside it, or null when none shipped covers the rebuilt lines
	 */
	public record Rebuilt(Path file, Journal journal, long missingFrom, int conflicts, Path signature) {
	}

	private static final class Received {

		final TreeMap<Long, byte[]> lines = new TreeMap<>();

		final Map<Long, String[]> parts = new LinkedHashMap<>();

		final TreeMap<Integer, String> signatures = new TreeMap<>();

		int conflicts;

		void line(long seq, byte[] bytes) {
			byte[] known = this.lines.putIfAbsent(seq, bytes);
			if (known != null && !Arrays.equals(known, bytes)) {
				this.conflicts++;
			}
		}

	}

	private ShippedJournals() {
	}

	/**
	 * Rebuilds every journal found in {@code shipped} into {@code outDir} (created), refusing to overwrite a file.
	 * @throws ShippingException when the file cannot be read, holds no shipped journal, or a target file exists
	 */
	public static List<Rebuilt> rebuild(Path shipped, Path outDir) {
		Map<String, Received> journals = read(shipped);
		if (journals.isEmpty()) {
			throw new ShippingException(shipped + ": no shipped journal lines in it (messages starting "
					+ ShipEnvelope.MARK + ")");
		}
		List<Rebuilt> rebuilt = new ArrayList<>();
		try {
			Files.createDirectories(outDir);
			for (Map.Entry<String, Received> entry : journals.entrySet()) {
				rebuilt.add(write(outDir, entry.getKey(), entry.getValue()));
			}
		}
		catch (IOException ex) {
			throw new ShippingException(outDir + ": cannot write the rebuilt journal (" + ex.getMessage() + ")", ex);
		}
		return rebuilt;
	}

	private static Map<String, Received> read(Path shipped) {
		Map<String, Received> journals = new LinkedHashMap<>();
		try (InputStream in = new BufferedInputStream(Files.newInputStream(shipped), 64 * 1024)) {
			ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
			int b;
			do {
				b = in.read();
				if (b == '\n' || b == -1) {
					take(new String(line.toByteArray(), StandardCharsets.ISO_8859_1), journals);
					line.reset();
				}
				else {
					line.write(b);
				}
			}
			while (b != -1);
		}
		catch (IOException ex) {
			throw new ShippingException(shipped + ": cannot read (" + ex.getMessage() + ")", ex);
		}
		return journals;
	}

	private static void take(String latin1, Map<String, Received> journals) {
		int start = latin1.indexOf(ShipEnvelope.MARK);
		ShipEnvelope.Received message = start < 0 ? null : ShipEnvelope.read(latin1, start);
		if (message == null || !safeName(message.journal())) {
			return;
		}
		Received journal = journals.computeIfAbsent(message.journal(), name -> new Received());
		switch (message.kind()) {
			case LINE -> journal.line(message.seq(), message.line());
			case SIGNATURE -> journal.signatures.put(message.lines(), message.signature());
			case PART -> {
				if (message.parts() < 1 || message.part() < 1 || message.part() > message.parts()) {
					return;
				}
				String[] parts = journal.parts.computeIfAbsent(message.seq(), seq -> new String[message.parts()]);
				if (parts.length == message.parts()) {
					parts[message.part() - 1] = message.text();
					if (Arrays.stream(parts).allMatch(p -> p != null)) {
						journal.line(message.seq(), String.join("", parts).getBytes(StandardCharsets.UTF_8));
					}
				}
			}
		}
	}

	private static Rebuilt write(Path outDir, String name, Received received) throws IOException {
		Path file = outDir.resolve(name);
		if (Files.exists(file)) {
			throw new ShippingException(file + " exists already: rebuild into another folder (--out DIR)");
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		long seq = 1;
		while (received.lines.containsKey(seq)) {
			bytes.write(received.lines.get(seq));
			bytes.write('\n');
			seq++;
		}
		long missingFrom = received.lines.isEmpty() || received.lines.lastKey() < seq ? 0 : seq;
		Files.write(file, bytes.toByteArray());
		Journal journal = new JournalReader().read(file);
		Path signature = null;
		Map.Entry<Integer, String> newest = received.signatures.floorEntry(journal.entries().size());
		if (newest != null) {
			signature = file.resolveSibling(file.getFileName() + ".sig");
			Files.writeString(signature, newest.getValue(), StandardCharsets.US_ASCII);
		}
		return new Rebuilt(file, journal, missingFrom, received.conflicts, signature);
	}

	/** A journal file name, not a path: what a message claims cannot make the rebuild write elsewhere. */
	private static boolean safeName(String name) {
		return !name.isEmpty() && !name.contains("/") && !name.contains("\\") && !name.startsWith(".");
	}

}
