package dev.runbookshell.session;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.targets.TargetSession;

/** The mutable state of a {@link RunSession}, and the small rules that read it. */
final class SessionState {

	/** Unattended blocks without a timeout of their own give up after this long. */
	static final Duration UNATTENDED_TIMEOUT = Duration.ofMinutes(30);

	final Runbook runbook;

	final TargetSession target;

	/** The one writer of the session's journal events. */
	final SessionRecorder recorder;

	/** The values blocks need, asked for and recorded. */
	final AskedValues values;

	final Confirmer confirmer;

	final SessionListener listener;

	final SessionSettings settings;

	final SecretValues secrets;

	final SessionVariables variables;

	final ChecklistTracker checklists;

	final List<Block> flow;

	/** Each flow block's id to its first index in {@link #flow}: a lookup per block instead of a scan. */
	private final Map<String, Integer> flowIndex;

	/** What ran, for the rollback steps offered on failure or stop. */
	final RollbackPlan rollbacks;

	/** Each block's last status in this session (or in the resumed log). */
	private final Map<String, BlockStatus> statuses = new LinkedHashMap<>();

	/** Set by the session's thread and by a signal's. */
	private volatile WalkState walk = WalkState.ASKING;

	/** The flow block offered next. */
	private int cursor;

	/** A Ctrl-C not dealt with yet; set from any thread. */
	private volatile boolean interruptRequested;

	/** A block is running on the target now. */
	private volatile boolean blockRunning;

	/** Why the session stopped short: a block it may not run unattended, or a signal. The one line to show. */
	private volatile String stopReason;

	private Block lastRun;

	/** The block during which the connection was lost, until a reconnect; null while connected. */
	private Block lostIn;

	private Block lastUnsuccessful;

	private String lastText;

	SessionState(Runbook runbook, TargetSession target, SessionJournal journal, Confirmer confirmer,
			SessionListener listener, SessionSettings settings, List<Block> flow) {
		this.runbook = runbook;
		this.target = target;
		this.confirmer = confirmer;
		this.listener = listener;
		this.settings = settings;
		this.flow = List.copyOf(flow);
		this.flowIndex = new HashMap<>();
		for (int i = 0; i < this.flow.size(); i++) {
			this.flowIndex.putIfAbsent(this.flow.get(i).id(), i);
		}
		this.secrets = new SecretValues(journal::addSecret);
		this.recorder = new SessionRecorder(journal, this.secrets);
		this.values = new AskedValues(this);
		this.variables = new SessionVariables(runbook.frontMatter(), this.secrets);
		this.checklists = new ChecklistTracker(runbook);
		this.rollbacks = new RollbackPlan(runbook);
	}

	int indexInFlow(Block block) {
		return this.flowIndex.getOrDefault(block.id(), -1);
	}

	void advancePast(Block block) {
		if (indexInFlow(block) == this.cursor) {
			this.cursor++;
		}
	}

	int cursor() {
		return this.cursor;
	}

	/** Makes the flow block at {@code index} the next one offered. */
	void moveTo(int index) {
		this.cursor = index;
	}

	/** Moves past the blocks at the cursor that are done (resume). */
	/** Moves past the blocks that are settled, or that {@code passedOver} says the run went on after. */
	void skipSettled(java.util.function.Predicate<String> passedOver) {
		while (this.cursor < this.flow.size() && (isSettled(this.statuses.get(this.flow.get(this.cursor).id()))
				|| passedOver.test(this.flow.get(this.cursor).id()))) {
			this.cursor++;
		}
	}

	private static boolean isSettled(BlockStatus status) {
		return status != null && status.isSettled();
	}

	/** The block's last status, or null when it has not run. */
	BlockStatus status(Block block) {
		return this.statuses.get(block.id());
	}

	WalkState walk() {
		return this.walk;
	}

	/** Moves the walk on ({@link WalkState#then}); from any thread. */
	synchronized void walk(WalkState next) {
		this.walk = this.walk.then(next);
	}

	/** Before a step: a stop by a decision is over, the walk asks again. */
	synchronized void goOn() {
		if (this.walk == WalkState.STOPPED) {
			this.walk = WalkState.ASKING;
		}
	}

	boolean terminated() {
		return this.walk == WalkState.TERMINATED;
	}

	void requestInterrupt() {
		this.interruptRequested = true;
	}

	boolean interruptRequested() {
		return this.interruptRequested;
	}

	void forgetInterrupt() {
		this.interruptRequested = false;
	}

	boolean blockRunning() {
		return this.blockRunning;
	}

	String stopReason() {
		return this.stopReason;
	}

	void stopReason(String reason) {
		this.stopReason = reason;
	}

	Block lastRun() {
		return this.lastRun;
	}

	/** The block during which the connection was lost, while nothing has reconnected; else null. */
	Block lostIn() {
		return this.lostIn;
	}

	void reconnected() {
		this.lostIn = null;
	}

	/** The last block that did not succeed and the text it ran, for a retry; null when none. */
	Block lastUnsuccessful() {
		return this.lastUnsuccessful;
	}

	String lastText() {
		return this.lastText;
	}

	/** {@code block} is about to run on the target. */
	void starting(Block block) {
		this.lastRun = block;
		this.blockRunning = true;
	}

	/** The block that was starting has stopped running, however it ended. */
	void stoppedRunning() {
		this.blockRunning = false;
	}

	/** After a run of {@code block} that ended {@code status}: its status, and whether the connection is lost. */
	void ran(Block block, BlockStatus status) {
		settle(block, status);
		this.lostIn = status == BlockStatus.UNKNOWN ? block : null;
	}

	/** {@code block}, running {@code text}, did not succeed: it is what a retry runs. */
	void unsuccessful(Block block, String text) {
		this.lastUnsuccessful = block;
		this.lastText = text;
	}

	void settle(Block block, BlockStatus status) {
		settle(block, status, true);
	}

	/** @param started false when nothing of the block ran (it was stopped before it began) */
	void settle(Block block, BlockStatus status, boolean started) {
		this.statuses.put(block.id(), status);
		this.rollbacks.settled(block, status, started);
	}

	/** The prompt for {@code text}: known values in place, except secrets, whose tokens stay (the text may be edited). */
	BlockPrompt prompt(Block block, String text) {
		List<CommandText.Need> needs = CommandText.needs(block, text, this.variables);
		int index = indexInFlow(block);
		return new BlockPrompt(block, index + 1, this.flow.size(), this.runbook.headingPath(block.section()),
				this.settings.targetName(),
				this.secrets.mask(CommandText.render(block, needs, text, this.variables, false)),
				RiskDetector.risk(block, text), this.secrets.mask(text));
	}

	Duration timeout(Block block) {
		return timeout(this.runbook, block, this.confirmer.mode());
	}

	/** The block's timeout, else the front matter's, else none with an operator and 30 minutes unattended. */
	static Duration timeout(Runbook runbook, Block block, SessionMode mode) {
		try {
			return block.annotations().timeout().orElseGet(() -> {
				Duration common = runbook.frontMatter().timeout();
				if (common != null) {
					return common;
				}
				return mode.unattended() ? UNATTENDED_TIMEOUT : null;
			});
		}
		catch (IllegalArgumentException ex) {
			throw new SessionRefusedException("block " + block.label() + " at line " + block.line() + ": "
					+ ex.getMessage());
		}
	}

	SessionResult result() {
		Map<String, Integer> counts = new TreeMap<>();
		boolean failed = false;
		for (Map.Entry<String, BlockStatus> entry : this.statuses.entrySet()) {
			BlockStatus status = entry.getValue();
			counts.merge(status.wire(), 1, Integer::sum);
			failed |= !status.isSettled();
		}
		int notRun = (int) this.flow.stream().filter(b -> !this.statuses.containsKey(b.id())).count();
		if (notRun > 0) {
			counts.put("not-run", notRun);
		}
		SessionResult.Status status;
		if (this.walk.interrupted()) {
			status = SessionResult.Status.INTERRUPTED;
		}
		else if (failed) {
			status = SessionResult.Status.FAILED;
		}
		else if (this.walk == WalkState.STOPPED || this.cursor < this.flow.size()) {
			status = SessionResult.Status.STOPPED;
		}
		else {
			status = SessionResult.Status.SUCCEEDED;
		}
		return new SessionResult(status, counts, this.recorder.location());
	}

	/** Notes that a block's state came from an earlier journal (resume). */
	void restore(String blockId, BlockStatus status, boolean started) {
		this.runbook.executableBlocks().stream().filter(b -> b.id().equals(blockId)).findFirst()
			.ifPresent(block -> settle(block, status, started));
	}

	JournalEvent.TargetRef targetRef() {
		return new JournalEvent.TargetRef(this.settings.targetName(), this.settings.targetUri(),
				this.target.fingerprint());
	}

}
