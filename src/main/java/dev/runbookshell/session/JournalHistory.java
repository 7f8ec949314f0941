package dev.runbookshell.session;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEntry;
import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.TargetRef;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalFold;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;

/**
 * What an earlier session's journal says: each block's last status and hash, the blocks that were in flight
 * when its process died, the decisions taken per block, the checks answered and the (non-secret) variables.
 * Resume and replay are built on it.
 */
public final class JournalHistory {

	private final String location;

	private final JournalFold fold;

	private JournalHistory(String location, JournalFold fold) {
		this.location = location;
		this.fold = fold;
	}

	/** Reads the events of the journal at {@code location} (named in messages). */
	public static JournalHistory of(String location, List<JournalEntry> entries) {
		return new JournalHistory(location, JournalFold.of(entries));
	}

	public String location() {
		return this.location;
	}

	/** The target of the session that wrote the journal (of its first session-started), or null. */
	public TargetRef target() {
		return this.fold.started() == null ? null : this.fold.started().target();
	}

	/** The block's last status, or null when it never finished. */
	public BlockStatus status(String blockId) {
		JournalFold.BlockTrail trail = this.fold.block(blockId);
		BlockFinished last = trail == null ? null : trail.lastFinished();
		return last == null ? null : last.status();
	}

	/** Blocks started but never finished: the process died while they ran. */
	public List<BlockRef> inFlight() {
		return this.fold.inFlight();
	}

	/** Every block-finished event, in journal order. */
	public List<JournalFold.Outcome> finished() {
		return this.fold.outcomes();
	}

	/** Where the target recorded the block's last start, or null (see {@code block-started}). */
	public JournalEvent.TargetMarker marker(String blockId) {
		JournalFold.BlockTrail trail = this.fold.block(blockId);
		return trail == null ? null : trail.marker();
	}

	/** The shell's state after the last block that recorded it, or null. */
	public JournalEvent.ShellSnapshot shell() {
		return this.fold.shell();
	}

	public List<JournalEvent.Decision> decisions(String blockId) {
		JournalFold.BlockTrail trail = this.fold.block(blockId);
		return trail == null ? List.of() : trail.decisions();
	}

	/** The lines of the checklist items answered, in the order first answered. */
	public Set<Integer> checkedLines() {
		Set<Integer> lines = new LinkedHashSet<>();
		this.fold.checks().forEach(check -> lines.add(check.line()));
		return lines;
	}

	/** The last value of each variable that is not secret. */
	public Map<String, String> variables() {
		Map<String, String> values = new LinkedHashMap<>();
		this.fold.variables().stream().filter(set -> !set.secret()).forEach(set -> values.put(set.name(), set.value()));
		return values;
	}

	/**
	 * Refuses a journal that is not one of {@code runbook}'s sessions: an empty one, one without a
	 * {@code session-started} event (always), or one of another runbook (unless {@code force}). It is the same
	 * runbook when the content is the same, or the path is, or the file name and the title are.
	 * @throws SessionRefusedException naming both files
	 */
	public void verifyRunbook(Runbook runbook, boolean force, String forWhat) {
		String refused = "cannot " + forWhat + ": " + this.location;
		if (this.fold.events() == 0) {
			throw new SessionRefusedException(refused + " is empty: it is not a journal of " + runbook.file());
		}
		JournalEvent.RunbookRef recorded = this.fold.started() == null ? null : this.fold.started().runbook();
		if (recorded == null) {
			throw new SessionRefusedException(refused + " has no session-started event: it is not a whole journal "
					+ "of " + runbook.file());
		}
		if (force || sameRunbook(recorded, runbook)) {
			return;
		}
		throw new SessionRefusedException(refused + " is a journal of " + recorded.path() + " ('"
				+ recorded.title() + "'), not of " + runbook.file() + " (--force to proceed)");
	}

	private static boolean sameRunbook(JournalEvent.RunbookRef recorded, Runbook runbook) {
		if (runbook.sha256().equals(recorded.sha256())) {
			return true;
		}
		java.nio.file.Path then = java.nio.file.Path.of(recorded.path()).toAbsolutePath().normalize();
		java.nio.file.Path now = java.nio.file.Path.of(runbook.file()).toAbsolutePath().normalize();
		if (then.equals(now)) {
			return true;
		}
		return then.getFileName().equals(now.getFileName()) && runbook.title().equals(recorded.title());
	}

	/**
	 * Refuses when a block the journal knows has changed in the runbook (or is gone) since it was written.
	 * @throws SessionRefusedException naming the block, unless {@code force}
	 */
	public void verifyBlocks(Runbook runbook, boolean force, String forWhat) {
		if (force) {
			return;
		}
		for (JournalFold.BlockTrail trail : this.fold.blocks()) {
			if (trail.decisions().isEmpty() && trail.attempts().isEmpty()) {
				continue; // only a note names it
			}
			BlockRef ref = trail.ref();
			Block now = runbook.executableBlocks().stream().filter(b -> b.id().equals(ref.id())).findFirst()
				.orElse(null);
			if (now == null) {
				throw new SessionRefusedException("cannot " + forWhat + ": block " + ref.id() + " " + ref.name()
						+ " of " + this.location + " is no longer in " + runbook.file() + " (--force to proceed)");
			}
			if (!now.hash().equals(ref.hash())) {
				throw new SessionRefusedException("cannot " + forWhat + ": block " + now.label() + " changed since "
						+ this.location + " was written (hash " + abbreviate(ref.hash()) + " then, "
						+ abbreviate(now.hash()) + " now; --force to proceed)");
			}
		}
	}

	/**
	 * Refuses when the target is not the one the journal was written on.
	 * @param sameNameOnly compare only when the target has the same name (replaying a rehearsal from another
	 * target is the point of replay; the same name on another machine is not)
	 * @throws SessionRefusedException unless {@code force}
	 */
	public void verifyTarget(TargetRef current, boolean sameNameOnly, boolean force, String forWhat) {
		TargetRef target = target();
		if (force || target == null || target.fingerprint() == null) {
			return;
		}
		if (sameNameOnly && !target.name().equals(current.name())) {
			return;
		}
		if (!target.fingerprint().equals(current.fingerprint())) {
			throw new SessionRefusedException("cannot " + forWhat + ": target " + current.name() + " is not the one "
					+ this.location + " was written on (fingerprint " + target.fingerprint() + " then, "
					+ current.fingerprint() + " now; --force to proceed)");
		}
	}

	private static String abbreviate(String hash) {
		return hash.length() > 19 ? hash.substring(0, 19) : hash;
	}

}
