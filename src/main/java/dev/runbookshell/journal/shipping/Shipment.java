package dev.runbookshell.journal.shipping;

import java.time.Instant;

/** What is shipped: a journal line as its exact bytes, or a signature of the journal's first lines. */
public sealed interface Shipment {

	/** The bytes it weighs in the queue. */
	int size();

	/**
	 * One journal line.
	 * @param seq its {@code seq}
	 * @param at its time
	 * @param type its event type
	 * @param bytes the line without its newline
	 */
	record Line(long seq, Instant at, String type, byte[] bytes) implements Shipment {
		@Override
		public int size() {
			return this.bytes.length;
		}
	}

	/**
	 * The journal's {@code .sig} as it stands.
	 * @param lines how many lines it covers
	 * @param armored the signature file's text
	 */
	record Signature(int lines, String armored) implements Shipment {
		@Override
		public int size() {
			return this.armored.length();
		}
	}

}
