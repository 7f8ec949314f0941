package dev.runbookshell.targets;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.runbookshell.targets.RunningBlock.Progress;

/**
 * Ends a block that must stop (Ctrl-C, timeout) the way an operator would, gentlest first: INT to the block (the
 * shell's trap ends the whole block and keeps the shell), then TERM, then KILL to the shell's children, a grace
 * period each; only then the shell itself, whose state is then lost. Signals go through the transport's side
 * channel, because the shell's own stdin is busy with the block.
 */
final class BlockStop {

	private static final long SIGNAL_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

	private static final List<String> SIGNALS = List.of("INT", "TERM", "KILL");

	private final ShellTransport transport;

	BlockStop(ShellTransport transport) {
		this.transport = transport;
	}

	/** @return how the block ended: COMPLETE when the shell survived, ENDED when it had to go too */
	Progress stop(RunningBlock block, long shellPid) {
		for (String signal : SIGNALS) {
			Progress progress = signalAndWait(block, signal.equals("INT") ? ProcessTreeSignal.interruptBlock(shellPid)
					: ProcessTreeSignal.descendants(shellPid, signal));
			if (progress != Progress.RUNNING) {
				return progress;
			}
		}
		signalAndWait(block, ProcessTreeSignal.shellAndDescendants(shellPid));
		return Progress.ENDED;
	}

	private Progress signalAndWait(RunningBlock block, String sideCommand) {
		try {
			this.transport.runSideCommand(sideCommand);
		}
		catch (TargetException ex) {
			// The wait below tells whether the block stopped anyway; a failed signal is not the block's outcome.
		}
		long until = System.nanoTime() + SIGNAL_GRACE_NANOS;
		try {
			return block.await(until);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Progress.RUNNING;
		}
	}

}
