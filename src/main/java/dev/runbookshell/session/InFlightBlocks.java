package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.targets.BlockMarker;
import dev.runbookshell.targets.PreviousBlock;
import dev.runbookshell.targets.TargetException;

/**
 * Decides, on resume, how the blocks that were running when the previous run died ended, by asking the target
 * (its marker of the block, see {@code block-started}): one that still runs there refuses the resume, so a block
 * never runs twice at once; one that finished while nobody watched is recorded with its exit status (its output is
 * lost); one that was stopped, or that the target knows nothing of, is unknown.
 */
final class InFlightBlocks {

	/** How long a block still running may take to be stopped by the target's watchdog before resume refuses. */
	private static final long WATCHDOG_WAIT_MILLIS = 10_000;

	private InFlightBlocks() {
	}

	/**
	 * How a block that was in flight ended, for its {@code block-finished}.
	 * @param exitCode its exit status when it finished unseen, else null
	 * @param why what the event's output says instead of the output that was not recorded
	 * @param failedCount how many of its commands failed, or null when none (or not known)
	 */
	record Ending(BlockRef block, BlockStatus status, Integer exitCode, String why, Integer failedCount) {
	}

	/**
	 * @return one ending per block of {@code inFlight}, in order
	 * @throws SessionRefusedException naming the block and how to proceed, when one still runs on the target
	 */
	static List<Ending> settle(SessionState state, JournalHistory resume, List<BlockRef> inFlight) {
		List<Ending> endings = new ArrayList<>();
		for (BlockRef ref : inFlight) {
			PreviousBlock previous = ask(state, resume, ref);
			endings.add(ending(state, ref, previous));
		}
		return endings;
	}

	private static PreviousBlock ask(SessionState state, JournalHistory resume, BlockRef ref) {
		JournalEvent.TargetMarker marker = resume.marker(ref.id());
		if (marker == null) {
			return PreviousBlock.NOT_KNOWN;
		}
		BlockMarker where = new BlockMarker(marker.file(), marker.pid(), marker.token());
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WATCHDOG_WAIT_MILLIS);
		try {
			PreviousBlock previous = state.target.previousBlock(where);
			while (previous.state() == PreviousBlock.State.RUNNING && System.nanoTime() < deadline) {
				Thread.sleep(250);
				previous = state.target.previousBlock(where);
			}
			if (previous.state() == PreviousBlock.State.RUNNING) {
				throw new SessionRefusedException("cannot resume: block " + ref.id() + " " + ref.name()
						+ " is still running on " + state.settings.targetName() + " (process group " + marker.pid()
						+ ", started by the run that wrote " + resume.location() + "): wait for it to end, or stop it"
						+ " with `kill -TERM -- -" + marker.pid() + "` there, then resume again");
			}
			return previous;
		}
		catch (TargetException ex) {
			state.listener.warning("cannot ask " + state.settings.targetName() + " whether block " + ref.id()
					+ " still runs (" + ex.getMessage() + "): recorded as unknown");
			return PreviousBlock.NOT_KNOWN;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SessionRefusedException("interrupted while asking " + state.settings.targetName()
					+ " whether block " + ref.id() + " still runs");
		}
	}

	private static Ending ending(SessionState state, BlockRef ref, PreviousBlock previous) {
		String label = ref.id() + " " + ref.name();
		if (previous.state() == PreviousBlock.State.FINISHED) {
			Block block = state.runbook.executableBlocks().stream().filter(b -> b.id().equals(ref.id())).findFirst()
				.orElse(null);
			BlockStatus status = finishedStatus(block, previous);
			state.listener.warning("block " + label + " was running when the previous run ended and finished on "
					+ state.settings.targetName() + " with exit " + previous.exitCode()
					+ (previous.failedCommands() > 0 ? " after " + previous.failedCommands() + " failed commands" : "")
					+ ": recorded as " + status.wire() + " (its output was not recorded)");
			return new Ending(ref, status, previous.exitCode(), "finished on the target while no run was watching: exit "
					+ previous.exitCode() + "; its output was not recorded",
					previous.failedCommands() > 0 ? previous.failedCommands() : null);
		}
		String why = previous.state() == PreviousBlock.State.STOPPED
				? "the target stopped it when the previous run ended: its effect is unknown"
				: "in flight when the previous run ended: its effect is unknown";
		state.listener.warning("block " + label + " was running when the previous run ended"
				+ (previous.state() == PreviousBlock.State.STOPPED ? " (the target's watchdog stopped it)" : "")
				+ ": its effect is unknown");
		return new Ending(ref, BlockStatus.UNKNOWN, null, why, null);
	}

	/** The status a block that finished unseen earns: without its output, an expectation cannot be checked. */
	private static BlockStatus finishedStatus(Block block, PreviousBlock previous) {
		if (block == null || !block.expectations().isEmpty()) {
			return BlockStatus.UNKNOWN;
		}
		boolean accepted = block.annotations().exitCodes().contains(previous.exitCode());
		if (previous.failedCommands() > 0) {
			return accepted && !block.annotations().errexit() ? BlockStatus.SUCCEEDED_WITH_FAILURES : BlockStatus.FAILED;
		}
		return accepted ? BlockStatus.SUCCEEDED : BlockStatus.FAILED;
	}

}
