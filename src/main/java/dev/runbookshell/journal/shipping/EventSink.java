package dev.runbookshell.journal.shipping;

import java.io.IOException;

/**
 * One destination of shipped journal lines. Used from the shipper's sender thread only. A failed {@link #send}
 * leaves the sink ready to try again (reconnecting, rewriting a half-written line) on the next call.
 */
public interface EventSink extends AutoCloseable {

	/** Delivers one shipment, or throws; may block on the destination (the caller bounds how long it waits). */
	void send(Shipment shipment) throws IOException;

	/** The destination, for messages: {@code syslog://127.0.0.1:5514}. */
	String describe();

	/** Closes the connection or file; also called from another thread to end a send that hangs. */
	@Override
	void close();

}
