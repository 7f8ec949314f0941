package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEntry;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.TargetRef;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;

/**
 * What an earlier session's journal says: each block's last status and hash, the blocks that were in flight
 * when its process died, the decisions taken per block, the checks answered and the (non-secret) variables.
 * Resume and replay are built on it.
 */
public final class JournalHistory {

	private final String location;

	private TargetRef target;

	private JournalEvent.RunbookRef runbook;

	private int events;

	private final Map<String, BlockRef> blocks = new LinkedHashMap<>();

	private final Map<String, BlockStatus> statuses = new HashMap<>();

	private final Set<String> inFlight = new LinkedHashSet<>();

	private final List<Finished> finished = new ArrayList<>();

	private final Map<String, List<JournalEvent.Decision>> decisions = new HashMap<>();

	private final Set<Integer> checkedLines = new LinkedHashSet<>();

	private final Map<String, String> variables = new LinkedHashMap<>();

	private final Map<String, JournalEvent.TargetMarker> markers = new HashMap<>();

	private JournalEvent.ShellSnapshot shell;

	private JournalHistory(String location) {
		this.location = location;
	}

	/** Reads the events of the journal at {@code location} (named in messages). */
	public static JournalHistory of(String location, List<JournalEntry> entries) {
		JournalHistory history = new JournalHistory(location);
		entries.forEach(entry -> history.add(entry.event()));
		return history;
	}

	private void add(JournalEvent event) {
		this.events++;
		if (event instanceof JournalEvent.SessionStarted started && this.runbook == null) {
			this.target = started.target();
			this.runbook = started.runbook();
		}
		else if (event instanceof JournalEvent.Decision decision) {
			this.blocks.putIfAbsent(decision.block().id(), decision.block());
			this.decisions.computeIfAbsent(decision.block().id(), id -> new ArrayList<>()).add(decision);
		}
		else if (event instanceof JournalEvent.BlockStarted started) {
			this.blocks.put(started.block().id(), started.block());
			this.inFlight.add(started.block().id());
			this.markers.put(started.block().id(), started.marker());
		}
		else if (event instanceof JournalEvent.BlockFinished finished) {
			String id = finished.block().id();
			this.blocks.put(id, finished.block());
			boolean started = this.inFlight.remove(id);
			this.statuses.put(id, finished.status());
			this.finished.add(new Finished(id, finished.status(), started));
			if (finished.shell() != null) {
				this.shell = finished.shell();
			}
		}
		else if (event instanceof JournalEvent.Check check) {
			this.checkedLines.add(check.line());
		}
		else if (event instanceof JournalEvent.VariableSet set && !set.secret()) {
			this.variables.put(set.name(), set.value());
		}
	}

	public String location() {
		return this.location;
	}

	/** The target of the session that wrote the journal (of its first session-started), or null. */
	public TargetRef target() {
		return this.target;
	}

	public BlockStatus status(String blockId) {
		return this.statuses.get(blockId);
	}

	/** Blocks started but never finished: the process died while they ran. */
	public List<BlockRef> inFlight() {
		return this.inFlight.stream().map(this.blocks::get).toList();
	}

	/** Every block-finished event, in journal order. */
	public List<Finished> finished() {
		return List.copyOf(this.finished);
	}

	/** Where the target recorded the block's last start, or null (see {@code block-started}). */
	public JournalEvent.TargetMarker marker(String blockId) {
		return this.markers.get(blockId);
	}

	/** The shell's state after the last block that recorded it, or null. */
	public JournalEvent.ShellSnapshot shell() {
		return this.shell;
	}

	public List<JournalEvent.Decision> decisions(String blockId) {
		return this.decisions.getOrDefault(blockId, List.of());
	}

	public Set<Integer> checkedLines() {
		return this.checkedLines;
	}

	public Map<String, String> variables() {
		return this.variables;
	}

	/**
	 * Refuses a journal that is not one of {@code runbook}'s sessions: an empty one, one without a
	 * {@code session-started} event (always), or one of another runbook (unless {@code force}). It is the same
	 * runbook when the content is the same, or the path is, or the file name and the title are.
	 * @throws SessionRefusedException naming both files
	 */
	public void verifyRunbook(Runbook runbook, boolean force, String forWhat) {
		String refused = "cannot " + forWhat + ": " + this.location;
		if (this.events == 0) {
			throw new SessionRefusedException(refused + " is empty: it is not a journal of " + runbook.file());
		}
		if (this.runbook == null) {
			throw new SessionRefusedException(refused + " has no session-started event: it is not a whole journal "
					+ "of " + runbook.file());
		}
		if (force || sameRunbook(this.runbook, runbook)) {
			return;
		}
		throw new SessionRefusedException(refused + " is a journal of " + this.runbook.path() + " ('"
				+ this.runbook.title() + "'), not of " + runbook.file() + " (--force to proceed)");
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
		for (BlockRef ref : this.blocks.values()) {
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
		if (force || this.target == null || this.target.fingerprint() == null) {
			return;
		}
		if (sameNameOnly && !this.target.name().equals(current.name())) {
			return;
		}
		if (!this.target.fingerprint().equals(current.fingerprint())) {
			throw new SessionRefusedException("cannot " + forWhat + ": target " + current.name() + " is not the one "
					+ this.location + " was written on (fingerprint " + this.target.fingerprint() + " then, "
					+ current.fingerprint() + " now; --force to proceed)");
		}
	}

	/**
	 * One block-finished event.
	 * @param id the block's id
	 * @param status how it ended
	 * @param started whether a block-started came before it (false: nothing of the block ran)
	 */
	public record Finished(String id, BlockStatus status, boolean started) {
	}

	private static String abbreviate(String hash) {
		return hash.length() > 19 ? hash.substring(0, 19) : hash;
	}

}
