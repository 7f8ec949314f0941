package dev.runbookshell.session;

import java.time.Duration;
import java.util.ArrayList;
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

	final Runbook runbook;

	final TargetSession target;

	final SessionJournal journal;

	final Confirmer confirmer;

	final SessionListener listener;

	final SessionSettings settings;

	final SecretValues secrets;

	final SessionVariables variables;

	final ChecklistTracker checklists;

	final List<Block> flow;

	final Map<String, BlockStatus> statuses = new LinkedHashMap<>();

	/** Blocks whose last run succeeded, in the order they did: the rollback plan reverses it. */
	final List<Block> succeeded = new ArrayList<>();

	int cursor;

	boolean runAll;

	boolean stopped;

	boolean interruptedStop;

	boolean finished;

	volatile boolean interruptRequested;

	/** The last block ended with the connection lost: reconnect before the next one runs. */
	boolean connectionLost;

	Block lastRun;

	Block lastUnsuccessful;

	String lastText;

	SessionState(Runbook runbook, TargetSession target, SessionJournal journal, Confirmer confirmer,
			SessionListener listener, SessionSettings settings, List<Block> flow) {
		this.runbook = runbook;
		this.target = target;
		this.journal = journal;
		this.confirmer = confirmer;
		this.listener = listener;
		this.settings = settings;
		this.flow = List.copyOf(flow);
		this.secrets = new SecretValues(journal::addSecret);
		this.variables = new SessionVariables(runbook.frontMatter(), this.secrets);
		this.checklists = new ChecklistTracker(runbook);
	}

	int indexInFlow(Block block) {
		for (int i = 0; i < this.flow.size(); i++) {
			if (this.flow.get(i).id().equals(block.id())) {
				return i;
			}
		}
		return -1;
	}

	void advancePast(Block block) {
		if (indexInFlow(block) == this.cursor) {
			this.cursor++;
		}
	}

	void settle(Block block, BlockStatus status) {
		this.statuses.put(block.id(), status);
		this.succeeded.removeIf(b -> b.id().equals(block.id()));
		if (status.ranToEnd()) {
			this.succeeded.add(block);
		}
	}

	BlockPrompt prompt(Block block, String text) {
		List<CommandText.Need> needs = CommandText.needs(block, text, this.variables);
		int index = indexInFlow(block);
		return new BlockPrompt(block, index + 1, this.flow.size(), this.runbook.headingPath(block.section()),
				this.settings.targetName(), this.secrets.mask(CommandText.display(needs, text, this.variables)),
				RiskDetector.risk(block, text));
	}

	/** Asks for the values {@code text} still needs, then builds what runs. */
	PreparedBlock prepare(Block block, String text) {
		List<CommandText.Need> needs = CommandText.needs(block, text, this.variables);
		for (CommandText.Need need : needs) {
			if (this.variables.get(need.variable()).isEmpty()) {
				ask(need);
			}
		}
		return new PreparedBlock(CommandText.script(needs, text),
				this.secrets.mask(CommandText.display(needs, text, this.variables)),
				this.variables.exports(this.runbook.frontMatter().env()));
	}

	private void ask(CommandText.Need need) {
		String name = need.variable();
		boolean secret = this.variables.isSecret(name);
		for (int attempt = 1;; attempt++) {
			String value = this.confirmer.askVariable(name, CommandText.question(need, this.variables), secret);
			try {
				setVariable(name, value, secret);
				return;
			}
			catch (SessionRefusedException ex) {
				if (this.confirmer.mode().unattended() || attempt >= 3) {
					throw ex;
				}
				this.listener.warning(ex.getMessage());
			}
		}
	}

	void setVariable(String name, String value, boolean secret) {
		this.variables.set(name, value, secret);
		boolean masked = this.variables.isSecret(name);
		this.journal.append(new JournalEvent.VariableSet(name, masked ? SecretValues.MASK : value, masked));
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
				return mode.unattended() ? RunSession.UNATTENDED_TIMEOUT : null;
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
		if (this.interruptedStop) {
			status = SessionResult.Status.INTERRUPTED;
		}
		else if (failed) {
			status = SessionResult.Status.FAILED;
		}
		else if (this.stopped || this.cursor < this.flow.size()) {
			status = SessionResult.Status.STOPPED;
		}
		else {
			status = SessionResult.Status.SUCCEEDED;
		}
		return new SessionResult(status, counts, this.journal.location());
	}

	/** Values given up front are recorded as set (secrets masked). */
	void recordGiven() {
		this.settings.variables().forEach((name, value) -> setVariable(name, value, false));
	}

	/** Notes that a block's state came from an earlier journal (resume). */
	void restore(String blockId, BlockStatus status) {
		this.runbook.executableBlocks().stream().filter(b -> b.id().equals(blockId)).findFirst()
			.ifPresent(block -> settle(block, status));
	}

	JournalEvent.TargetRef targetRef() {
		return new JournalEvent.TargetRef(this.settings.targetName(), this.settings.targetUri(),
				this.target.fingerprint());
	}

}
