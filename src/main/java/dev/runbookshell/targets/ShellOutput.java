package dev.runbookshell.targets;

/**
 * Where a transport delivers what its shell writes. Called on the transport's reader threads; stdout and stderr
 * may arrive on different threads at the same time.
 */
public interface ShellOutput {

	void stdout(byte[] buffer, int offset, int length);

	void stderr(byte[] buffer, int offset, int length);

	/** Both output streams of the shell reached their end: the shell exited or the connection went away. */
	void ended();

}
