package dev.runbookshell.fleet;

/** Where a fleet run prints: whole lines, from any thread, never interleaved within a line. */
@FunctionalInterface
public interface FleetOutput {

	void line(String text);

}
