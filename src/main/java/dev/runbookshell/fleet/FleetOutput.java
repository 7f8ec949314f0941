package dev.runbookshell.fleet;

/** Where a fleet run prints: whole lines, from any thread, never interleaved within a line. */
@FunctionalInterface
public interface FleetOutput {

	void line(String text);

	/** A line for stderr (a journal left unsigned); by default printed as the others. */
	default void error(String text) {
		line(text);
	}

}
