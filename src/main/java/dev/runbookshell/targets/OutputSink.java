package dev.runbookshell.targets;

/**
 * Receives a block's output as it arrives, on the target's reader threads. Implementations must not block for
 * long and must copy the bytes they keep.
 */
public interface OutputSink {

	void stdout(byte[] buffer, int offset, int length);

	void stderr(byte[] buffer, int offset, int length);

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
