package dev.runbookshell.targets;

/**
 * What the target says about a block an earlier run started (see {@link BlockMarker}).
 *
 * @param state running, stopped, finished, or unknown
 * @param exitCode the block's exit status when finished, else null
 * @param failedCommands how many of its commands failed when finished, else 0
 */
public record PreviousBlock(State state, Integer exitCode, int failedCommands) {

	/** What became of the block. */
	public enum State {

		/** Its shell's process group is still alive: it runs on without the tool. */
		RUNNING,
		/** It was running when the tool died, and its processes are gone: stopped by the target's watchdog. */
		STOPPED,
		/** It ran to its end on the target; only its output is lost. */
		FINISHED,
		/** The target keeps no record of it (another machine, a reboot, an older shell). */
		UNKNOWN

	}

	public static final PreviousBlock NOT_KNOWN = new PreviousBlock(State.UNKNOWN, null, 0);

}
