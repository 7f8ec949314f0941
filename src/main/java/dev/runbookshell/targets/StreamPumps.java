package dev.runbookshell.targets;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two daemon threads that read a shell's stdout and stderr as bytes arrive and hand them to a
 * {@link ShellOutput}; when both streams ended, {@link ShellOutput#ended()} is called once, from the later one.
 * Buffers are reused, so memory stays flat however much a block prints.
 */
public final class StreamPumps {

	private static final int BUFFER_SIZE = 64 * 1024;

	/**
	 * What a read asks for while output comes in small pieces: a process's stream reads into a native buffer that
	 * is allocated and freed on every read larger than 8 KiB, and a block that prints one line is read several
	 * times (its output, the shell's state, the sentinels). A read that fills it asks for the whole buffer next.
	 */
	private static final int SMALL_READ = 8 * 1024;

	private final Thread out;

	private final Thread err;

	private StreamPumps(Thread out, Thread err) {
		this.out = out;
		this.err = err;
	}

	/** Starts pumping; the threads end by themselves at end of stream. */
	public static StreamPumps start(String name, InputStream stdout, InputStream stderr, ShellOutput output) {
		AtomicInteger open = new AtomicInteger(2);
		Thread out = pump(name + "-stdout", stdout, output, true, open);
		Thread err = pump(name + "-stderr", stderr, output, false, open);
		return new StreamPumps(out, err);
	}

	private static Thread pump(String name, InputStream in, ShellOutput output, boolean stdout, AtomicInteger open) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[BUFFER_SIZE];
			try (in) {
				int n;
				int want = SMALL_READ;
				while ((n = in.read(buffer, 0, want)) >= 0) {
					want = n == want ? BUFFER_SIZE : SMALL_READ;
					if (stdout) {
						output.stdout(buffer, 0, n);
					}
					else {
						output.stderr(buffer, 0, n);
					}
				}
			}
			catch (IOException ex) {
				// A broken stream ends like a closed one; the session asks the transport what happened.
			}
			finally {
				if (open.decrementAndGet() == 0) {
					output.ended();
				}
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/** Waits a little for both threads to drain what is left. */
	public void join(long millis) {
		try {
			this.out.join(millis);
			this.err.join(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
