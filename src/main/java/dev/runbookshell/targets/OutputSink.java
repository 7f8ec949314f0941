package dev.runbookshell.targets;

/**
 * Receives a block's output as it arrives, on the target's reader threads. Implementations must not block for
 * long and must copy the bytes they keep.
 */
public interface OutputSink {

	void stdout(byte[] buffer, int offset, int length);

	void stderr(byte[] buffer, int offset, int length);

	/**
	 * Called once, on the caller's thread, just before the block is written to the shell: from here on it may
	 * run on the target even if this process dies. The marker (null where the target keeps none) lets a later run
	 * ask what became of it.
	 */
	default void started(BlockMarker marker) {
	}

	/** A sink that drops everything. */
	OutputSink DISCARD = new OutputSink() {
		@Override
		public void stdout(byte[] buffer, int offset, int length) {
		}

		@Override
		public void stderr(byte[] buffer, int offset, int length) {
		}
	};

}
