package dev.runbookshell.targets;

/**
 * The side command that signals every process below the shell: what Ctrl-C would reach in a terminal, without
 * touching the shell itself (a non-interactive shell dies of SIGINT and would take the session's state with it).
 * Plain POSIX sh: walks /proc where there is one (Linux, busybox), otherwise asks {@code pgrep -P}.
 */
final class ProcessTreeSignal {

	private static final String FUNCTIONS = """
			kids() {
				parent=$1
				if [ -r /proc/self/stat ]; then
					for f in /proc/[0-9]*/stat; do
						{ read -r l < "$f"; } 2>/dev/null || continue
						set -- ${l##*") "}
						[ "$2" = "$parent" ] || continue
						p=${f#/proc/}; echo "${p%/stat}"
					done
				else
					pgrep -P "$parent"
				fi
			}
			tree() { for c in $(kids "$1"); do echo "$c"; tree "$c"; done; }
			""";

	private ProcessTreeSignal() {
	}

	/** Sends {@code signal} (INT, TERM, KILL) to all descendants of {@code shellPid}. */
	static String descendants(long shellPid, String signal) {
		return FUNCTIONS + "pids=$(tree " + shellPid + "); [ -z \"$pids\" ] || kill -s " + signal
				+ " $pids 2>/dev/null; true\n";
	}

	/**
	 * Interrupts a block: INT to the shell first, whose trap then ends the block's function once the running
	 * command is gone, then INT to everything below it.
	 */
	static String interruptBlock(long shellPid) {
		return FUNCTIONS + "pids=$(tree " + shellPid + "); kill -s INT " + shellPid
				+ " 2>/dev/null; [ -z \"$pids\" ] || kill -s INT $pids 2>/dev/null; true\n";
	}

	/** Kills the shell and everything below it: the last resort when a block ignores every signal. */
	static String shellAndDescendants(long shellPid) {
		return FUNCTIONS + "pids=$(tree " + shellPid + "); kill -s KILL " + shellPid + " $pids 2>/dev/null; true\n";
	}

}
