package dev.runbookshell.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code rsyslogd} (Debian's rsyslog) for one test: TCP input on a free loopback port, everything it receives
 * appended to one file in rsyslog's ISO file format, and nothing else (no system log, no /dev/log). It can be
 * stopped and started again on the same port, to play a log server that goes away.
 */
public final class RsyslogServer implements AutoCloseable {

	private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");

	private final Path dir;

	private final int port;

	private Process process;

	private RsyslogServer(Path dir, int port) {
		this.dir = dir;
		this.port = port;
	}

	/** Writes the config into {@code dir} and starts rsyslogd; returns once it takes connections. */
	public static RsyslogServer start(Path dir) throws IOException, InterruptedException {
		RequiredComponent.require(Files.isExecutable(RSYSLOGD), "rsyslog (" + RSYSLOGD + ")");
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		Files.createDirectories(dir.resolve("work"));
		Files.writeString(dir.resolve("rsyslog.conf"), """
				global(workDirectory="%s")
				module(load="imtcp")
				input(type="imtcp" port="%d" address="127.0.0.1")
				action(type="omfile" file="%s" template="RSYSLOG_FileFormat")
				""".formatted(dir.resolve("work"), port, dir.resolve("received.log")));
		RsyslogServer server = new RsyslogServer(dir, port);
		server.startAgain();
		return server;
	}

	public int port() {
		return this.port;
	}

	/** The file everything received goes to. */
	public Path received() {
		return this.dir.resolve("received.log");
	}

	/** Starts the stopped server again, on the same port and file. */
	public void startAgain() throws IOException, InterruptedException {
		Files.deleteIfExists(this.dir.resolve("rsyslogd.pid"));
		this.process = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", this.dir.resolve("rsyslog.conf").toString(),
				"-i", this.dir.resolve("rsyslogd.pid").toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dir.resolve("rsyslogd.out").toFile()))
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!takesConnections()) {
			if (!this.process.isAlive() || System.nanoTime() > deadline) {
				this.process.destroyForcibly();
				throw new IOException("rsyslogd did not listen on 127.0.0.1:" + this.port + " within 20 s: "
						+ Files.readString(this.dir.resolve("rsyslogd.out"), StandardCharsets.UTF_8));
			}
			Thread.sleep(50);
		}
	}

	/** Stops it (SIGTERM: it writes out what it received and closes its connections). */
	public void stop() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
	}

	private boolean takesConnections() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

}
