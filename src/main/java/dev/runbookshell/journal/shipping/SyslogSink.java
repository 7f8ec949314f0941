package dev.runbookshell.journal.shipping;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import dev.runbookshell.journal.JournalCodec;

/**
 * Sends shipments to a syslog server as RFC 5424 messages over TCP with octet-counting framing (RFC 6587 3.4.1):
 * {@code LEN <134>1 TIMESTAMP HOST runbook-shell PID TYPE - {"journal":...}} (facility local0, severity info; the
 * MSGID is the event type). TCP says nothing of what the server received before a connection broke, so after a
 * reconnection the messages sent on the broken connection (up to {@value #RESEND_BYTES} bytes of them) are sent
 * again; the rebuild drops the duplicates. A connection the server closed is noticed before writing to it.
 */
final class SyslogSink implements EventSink {

	/** Under rsyslog's default maxMessageSize (8 KiB) with room for the header. */
	static final int MAX_MESSAGE = 7 * 1024;

	static final int RESEND_BYTES = 1024 * 1024;

	private static final int CONNECT_TIMEOUT_MS = 2000;

	private final ShipDestination destination;

	private final String journal;

	private final String header;

	private final Deque<byte[]> sentOnThisConnection = new ArrayDeque<>();

	private int sentBytes;

	private final Deque<byte[]> resend = new ArrayDeque<>();

	private volatile SocketChannel channel;

	SyslogSink(ShipDestination destination, String journal, String host) {
		this.destination = destination;
		this.journal = journal;
		this.header = " " + printable(host, 255) + " runbook-shell " + ProcessHandle.current().pid() + " ";
	}

	@Override
	public void send(Shipment shipment) throws IOException {
		SocketChannel connection = connected();
		while (!this.resend.isEmpty()) {
			write(connection, this.resend.peekFirst());
			this.resend.pollFirst();
		}
		Instant at = shipment instanceof Shipment.Line line ? line.at() : Instant.now();
		String type = shipment instanceof Shipment.Line line ? line.type() : "signature";
		for (String message : ShipEnvelope.messages(this.journal, shipment, MAX_MESSAGE)) {
			byte[] syslog = ("<134>1 " + JournalCodec.formatInstant(at) + this.header + printable(type, 32) + " - "
					+ message).getBytes(StandardCharsets.UTF_8);
			byte[] frame = frame(syslog);
			write(connection, frame);
		}
	}

	private SocketChannel connected() throws IOException {
		SocketChannel current = this.channel;
		if (current != null && current.isOpen() && !closedByServer(current)) {
			return current;
		}
		drop(current);
		SocketChannel opened = SocketChannel.open();
		try {
			Socket socket = opened.socket();
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress(this.destination.host(), this.destination.port()), CONNECT_TIMEOUT_MS);
		}
		catch (IOException ex) {
			opened.close();
			throw ex;
		}
		this.channel = opened;
		return opened;
	}

	/** A server that closed its side has sent FIN: a read returns end of stream at once. */
	private static boolean closedByServer(SocketChannel channel) {
		try {
			channel.configureBlocking(false);
			try {
				return channel.read(ByteBuffer.allocate(256)) < 0;
			}
			finally {
				channel.configureBlocking(true);
			}
		}
		catch (IOException ex) {
			return true;
		}
	}

	private void write(SocketChannel connection, byte[] frame) throws IOException {
		try {
			ByteBuffer buffer = ByteBuffer.wrap(frame);
			while (buffer.hasRemaining()) {
				connection.write(buffer);
			}
		}
		catch (IOException ex) {
			drop(connection);
			throw ex;
		}
		this.sentOnThisConnection.addLast(frame);
		this.sentBytes += frame.length;
		while (this.sentBytes > RESEND_BYTES && this.sentOnThisConnection.size() > 1) {
			this.sentBytes -= this.sentOnThisConnection.pollFirst().length;
		}
	}

	/** Forgets a broken connection; what went out on it is sent again on the next one. */
	private void drop(SocketChannel broken) {
		if (broken == null) {
			return;
		}
		try {
			broken.close();
		}
		catch (IOException ex) {
			// it is being given up
		}
		if (this.channel == broken) {
			this.channel = null;
			while (!this.sentOnThisConnection.isEmpty()) {
				this.resend.addFirst(this.sentOnThisConnection.pollLast());
			}
			this.sentBytes = 0;
		}
	}

	/** {@code LEN SP MSG}. */
	private static byte[] frame(byte[] message) {
		byte[] length = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
		byte[] frame = new byte[length.length + message.length];
		System.arraycopy(length, 0, frame, 0, length.length);
		System.arraycopy(message, 0, frame, length.length, message.length);
		return frame;
	}

	/** A header field: printable US-ASCII without spaces, at most {@code max} characters, {@code -} when empty. */
	private static String printable(String text, int max) {
		StringBuilder out = new StringBuilder();
		for (char c : (text == null ? "" : text).toCharArray()) {
			if (c > 32 && c < 127 && out.length() < max) {
				out.append(c);
			}
		}
		return out.isEmpty() ? "-" : out.toString();
	}

	@Override
	public String describe() {
		return this.destination.uri();
	}

	@Override
	public void close() {
		SocketChannel current = this.channel;
		if (current != null) {
			try {
				current.close();
			}
			catch (IOException ex) {
				// closing is all that was wanted
			}
		}
	}

}
