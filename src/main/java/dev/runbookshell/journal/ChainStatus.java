package dev.runbookshell.journal;

/**
 * The result of verifying a journal's hash chain: intact, broken at a line (bad JSON, a gap in {@code seq}, a
 * {@code prev} that is not the sha256 of the line before), or intact except for an incomplete last line.
 *
 * <p>An incomplete last line is what a crash in the middle of a write leaves: bytes after the last newline. An
 * event counts as written only once its newline is on disk, so such a tail is not part of the journal: readers
 * ignore it and {@link JournalWriter#append} cuts it off (and records a note saying so) before appending.
 */
public record ChainStatus(State state, int line, String reason) {

	/** How far a journal can be trusted. */
	public enum State {
		/** Every line is well formed and chained to the one before. */
		INTACT,
		/** Intact up to a partial last line without a newline, left by an interrupted write. */
		INCOMPLETE_LAST_LINE,
		/** A line is malformed or not chained to the one before; nothing from there on can be trusted. */
		BROKEN
	}

	public static final ChainStatus INTACT = new ChainStatus(State.INTACT, 0, "");

	public static ChainStatus broken(int line, String reason) {
		return new ChainStatus(State.BROKEN, line, reason);
	}

	public static ChainStatus incompleteLastLine(int line) {
		return new ChainStatus(State.INCOMPLETE_LAST_LINE, line, "incomplete last line");
	}

	public boolean isBroken() {
		return this.state == State.BROKEN;
	}

	/**
	 * {@code file:line: journal hash chain broken (reason)} and the like, for messages. A file whose first line is
	 * already wrong is not a journal at all (another file given by mistake, such as the Markdown log), and the
	 * message says so.
	 */
	public String describe(java.nio.file.Path file) {
		return switch (this.state) {
			case INTACT -> file + ": journal hash chain intact";
			case INCOMPLETE_LAST_LINE -> file + ":" + this.line + ": incomplete last line (interrupted write)";
			case BROKEN -> file + ":" + this.line + (this.line == 1 ? ": not a runbook-shell journal ("
					: ": journal hash chain broken (") + this.reason + ")";
		};
	}

}
