package dev.runbookshell.targets;

import java.io.OutputStream;
import java.time.Duration;

/**
 * A shell a transport started: its standard input, and how it ended. Its output goes to the {@link ShellOutput}
 * given to {@link ShellTransport#start}.
 */
public interface ShellProcess extends AutoCloseable {

	/** The shell's standard input; the session writes whole blocks and flushes. */
	OutputStream stdin();

	/**
	 * Waits for the shell's exit status.
	 * @return the status, or null when it did not end within {@code timeout} or the status cannot be known
	 */
	Integer awaitExit(Duration timeout);

	/** Releases the process or channel; the shell is killed if it still runs. */
	@Override
	void close();

}
