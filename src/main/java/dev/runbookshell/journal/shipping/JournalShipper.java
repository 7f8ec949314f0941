package dev.runbookshell.journal.shipping;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import dev.runbookshell.journal.JournalEntry;
import dev.runbookshell.journal.JournalLineListener;

/**
 * Ships each journal line, as it is written, to a second place ({@link EventSink}): the writer only puts the line
 * in a bounded queue ({@value #QUEUE_BYTES} bytes) and a sender thread of its own delivers it, so nothing the
 * session does waits on the sink. A sink that fails is reported once (and again when it is back), then retried
 * every few seconds; lines wait in the queue meanwhile. When the queue is full, that line and every later one is
 * dropped (reported once), so the shipped copy stays a prefix of the journal. The local journal stays the source
 * of truth. Closing waits at most {@link #CLOSE_WAIT} for the queue to drain, then says what was not shipped.
 */
public final class JournalShipper implements JournalLineListener {

	/** How long the journal's close waits for the sink. */
	public static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

	static final long QUEUE_BYTES = 64L * 1024 * 1024;

	private static final long MAX_BACKOFF_MS = 3000;

	private final EventSink sink;

	private final Consumer<String> warnings;

	private final Deque<Shipment> queue = new ArrayDeque<>();

	private final Thread sender;

	private long queuedBytes;

	private boolean closing;

	private boolean down;

	private long dropped;

	private long firstDropped;

	private long shipped;

	private JournalShipper(EventSink sink, Consumer<String> warnings) {
		this.sink = sink;
		this.warnings = warnings;
		this.sender = new Thread(this::sendAll, "journal-shipper");
		this.sender.setDaemon(true);
	}

	/** A shipper for the sink; its sender thread starts at once. */
	public static JournalShipper start(EventSink sink, Consumer<String> warnings) {
		JournalShipper shipper = new JournalShipper(sink, warnings);
		shipper.sender.start();
		return shipper;
	}

	@Override
	public void lineWritten(JournalEntry entry, byte[] line) {
		offer(new Shipment.Line(entry.seq(), entry.at(), entry.event().type(), line));
	}

	/** Ships the journal's signature as it now stands (called as each one is written). */
	public void signature(int lines, String armored) {
		offer(new Shipment.Signature(lines, armored));
	}

	private synchronized void offer(Shipment shipment) {
		if (this.closing) {
			return;
		}
		// once a line is dropped all later ones are too: the shipped copy stays a prefix of the journal
		if (this.dropped > 0 || this.queuedBytes + shipment.size() > QUEUE_BYTES) {
			if (this.dropped++ == 0) {
				this.firstDropped = shipment instanceof Shipment.Line line ? line.seq() : 0;
				this.warnings.accept("shipping queue for " + this.sink.describe() + " is full (" + (QUEUE_BYTES >> 20)
						+ " MiB): lines from seq " + this.firstDropped
						+ " on are not shipped; the local journal has them");
			}
			return;
		}
		this.queue.addLast(shipment);
		this.queuedBytes += shipment.size();
		notifyAll();
	}

	private void sendAll() {
		long backoff = 250;
		while (true) {
			Shipment next;
			synchronized (this) {
				while (this.queue.isEmpty() && !this.closing) {
					waitQuietly(0);
				}
				if (this.queue.isEmpty()) {
					return;
				}
				next = this.queue.peekFirst();
			}
			try {
				this.sink.send(next);
				backoff = 250;
				delivered(next);
			}
			catch (IOException | RuntimeException ex) {
				synchronized (this) {
					if (!this.down) {
						this.down = true;
						this.warnings.accept("cannot ship to " + this.sink.describe() + " (" + ex.getMessage()
								+ "); retrying in the background, the local journal has every event");
					}
					if (Thread.currentThread().isInterrupted()) {
						return;
					}
					waitQuietly(backoff);
				}
				backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
			}
		}
	}

	private synchronized void delivered(Shipment shipment) {
		this.queue.pollFirst();
		this.queuedBytes -= shipment.size();
		if (shipment instanceof Shipment.Line) {
			this.shipped++;
		}
		if (this.down) {
			this.down = false;
			this.warnings.accept("shipping to " + this.sink.describe() + " resumed");
		}
		notifyAll();
	}

	/** Waits up to {@link #CLOSE_WAIT} for what is queued to be shipped, then stops; says what was left over. */
	@Override
	public void close() {
		long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
		synchronized (this) {
			this.closing = true;
			notifyAll();
			while (!this.queue.isEmpty() && System.nanoTime() < deadline) {
				waitQuietly(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			}
			if (!this.queue.isEmpty()) {
				List<Long> left = this.queue.stream().filter(Shipment.Line.class::isInstance)
					.map(s -> ((Shipment.Line) s).seq()).toList();
				this.warnings.accept(left.size() + " journal lines" + (left.isEmpty() ? ""
						: " (seq " + left.get(0) + " to " + left.get(left.size() - 1) + ")") + " were not shipped to "
						+ this.sink.describe() + " within " + CLOSE_WAIT.toSeconds() + " s; the local journal has them");
			}
			this.queue.clear();
		}
		this.sender.interrupt();
		this.sink.close();
		try {
			this.sender.join(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Lines shipped so far. */
	public synchronized long shipped() {
		return this.shipped;
	}

	public String destination() {
		return this.sink.describe();
	}

	private void waitQuietly(long millis) {
		try {
			wait(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.closing = true;
		}
	}

}
