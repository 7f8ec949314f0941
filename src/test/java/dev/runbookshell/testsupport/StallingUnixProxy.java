package dev.runbookshell.testsupport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Unix socket in front of another one (the Docker engine's) that passes bytes both ways until told to
 * {@link #stall()}: then it keeps every connection open and accepts new ones, but nothing more goes through
 * either way, as with an engine that hangs. Closing it closes every connection.
 */
public final class StallingUnixProxy implements AutoCloseable {

	private final Path upstream;

	private final Path socket;

	private final ServerSocketChannel server;

	private final List<SocketChannel> channels = new CopyOnWriteArrayList<>();

	private final Object gate = new Object();

	private volatile boolean stalled;

	private volatile boolean closed;

	private StallingUnixProxy(Path upstream, Path socket, ServerSocketChannel server) {
		this.upstream = upstream;
		this.socket = socket;
		this.server = server;
	}

	/** Listens on {@code socket} and forwards each connection to {@code upstream}. */
	public static StallingUnixProxy start(Path upstream, Path socket) throws IOException {
		Files.deleteIfExists(socket);
		ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		server.bind(UnixDomainSocketAddress.of(socket));
		StallingUnixProxy proxy = new StallingUnixProxy(upstream, socket, server);
		Thread acceptor = new Thread(proxy::accept, "stalling-proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
		return proxy;
	}

	/** {@code unix:///...} for DOCKER_HOST. */
	public String dockerHost() {
		return "unix://" + this.socket;
	}

	/** From now on nothing passes, on open connections and new ones alike. */
	public void stall() {
		this.stalled = true;
	}

	private void accept() {
		while (!this.closed) {
			try {
				SocketChannel client = this.server.accept();
				SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(this.upstream));
				this.channels.add(client);
				this.channels.add(engine);
				pump(client, engine);
				pump(engine, client);
			}
			catch (IOException ex) {
				return; // closed
			}
		}
	}

	private void pump(SocketChannel from, SocketChannel to) {
		Thread thread = new Thread(() -> {
			ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
			try {
				while (awaitFlowing() && from.read(buffer) >= 0) {
					buffer.flip();
					if (!awaitFlowing()) {
						return;
					}
					while (buffer.hasRemaining()) {
						to.write(buffer);
					}
					buffer.clear();
				}
				to.shutdownOutput();
			}
			catch (IOException | InterruptedException ex) {
				// a side closed, or the proxy did
			}
		}, "stalling-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	/** Holds the calling pump while stalled; false once the proxy is closed. */
	private boolean awaitFlowing() throws InterruptedException {
		synchronized (this.gate) {
			while (this.stalled && !this.closed) {
				this.gate.wait(1000);
			}
		}
		return !this.closed;
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		synchronized (this.gate) {
			this.gate.notifyAll();
		}
		this.server.close();
		for (SocketChannel channel : this.channels) {
			channel.close();
		}
		Files.deleteIfExists(this.socket);
	}

}
