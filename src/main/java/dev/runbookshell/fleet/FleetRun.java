package dev.runbookshell.fleet;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.session.BlockPrompt;
import dev.runbookshell.session.Confirmer;
import dev.runbookshell.session.Decision;

/**
 * One runbook on many hosts: each host runs its own ordinary session (its own target and journal) on its own
 * thread; the fleet coordinates them only through their confirmers. Within a batch, block N is decided once for
 * every host still running, runs on at most {@code parallel} hosts at once, and no host is asked about block N+1
 * before every host has finished block N. Batches ({@code --serial}) run the whole runbook one after the other.
 * A failed host takes no further blocks; once more hosts failed than {@code --max-fail} allows, the fleet stops
 * before the next block or batch.
 */
public final class FleetRun {

	/**
	 * How a fleet runs.
	 *
	 * @param name what the operator called the fleet (a group, the targets as given): typed for a risky block
	 * @param parallel how many hosts run a block at once
	 * @param maxFail how many hosts may fail
	 * @param serial the batches
	 */
	public record Settings(String name, int parallel, FailureBudget maxFail, SerialBatches serial) {

		public Settings {
			if (parallel < 1) {
				throw new FleetException("--parallel " + parallel + ": at least 1");
			}
		}

	}

	/** How long a host's thread is given to end once its session has left the lockstep. */
	private static final long JOIN_MILLIS = 30_000;

	private final Runbook runbook;

	private final Settings settings;

	private final List<HostRun> runs = new ArrayList<>();

	private final SharedAnswers shared;

	private final FleetQuestions questions;

	private final FleetOutput out;

	private final HostSessions sessions;

	private final FleetRecord record;

	private volatile boolean interrupted;

	private boolean runAll;

	private String stopReason;

	private int batchNumber;

	/**
	 * @param hosts the hosts, batch numbers already given
	 * @param operator who answers (asked once per block for the whole batch)
	 * @param questions who answers after a block failed on some hosts
	 * @param indexFile where the fleet index goes (rewritten as the run goes)
	 * @param earlier decisions of the index being resumed, kept in front of this run's
	 */
	public FleetRun(Runbook runbook, List<FleetHost> hosts, Settings settings, Confirmer operator,
			FleetQuestions questions, FleetOutput out, HostSessions sessions, Path indexFile, FleetIndex earlier) {
		this.runbook = runbook;
		this.settings = settings;
		hosts.forEach(host -> this.runs.add(new HostRun(host)));
		this.shared = new SharedAnswers(operator);
		this.questions = questions;
		this.out = out;
		this.sessions = sessions;
		this.record = new FleetRecord(runbook, settings, this.runs, indexFile, earlier);
	}

	/** Runs every batch; each host's outcome is in its journal and in the index. */
	public FleetResult run() {
		this.record.write();
		Map<Integer, List<HostRun>> batches = new LinkedHashMap<>();
		this.runs.forEach(run -> batches.computeIfAbsent(run.host.batch(), b -> new ArrayList<>()).add(run));
		for (Map.Entry<Integer, List<HostRun>> batch : batches.entrySet()) {
			if (this.stopReason == null && failedHosts() > this.settings.maxFail().allowed(this.runs.size())) {
				this.stopReason = failureStop();
			}
			if (this.stopReason != null || this.interrupted) {
				this.out.line("batch " + batch.getKey() + " not started: " + (this.interrupted ? "interrupted"
						: this.stopReason));
				continue;
			}
			this.batchNumber = batch.getKey();
			if (batches.size() > 1) {
				this.out.line("=== batch " + batch.getKey() + " of " + batches.size() + ": " + names(batch.getValue()));
			}
			runBatch(batch.getValue());
		}
		this.record.write();
		return new FleetResult(this.record.thisRun(), this.record.indexFile(), this.stopReason);
	}

	/** Ctrl-C: stops the running block on every host; from any thread. */
	public void interrupt() {
		this.interrupted = true;
		this.runs.forEach(HostRun::interrupt);
	}

	/**
	 * SIGTERM or SIGHUP: every host's session is ended as one target's is (its running block stopped, given
	 * {@code grace}, the session recorded as interrupted), all at once; from any thread.
	 */
	public void terminate(String reason, java.time.Duration grace) {
		this.interrupted = true;
		List<Thread> enders = new ArrayList<>();
		for (HostRun run : this.runs) {
			dev.runbookshell.session.RunSession session = run.session;
			if (session != null) {
				Thread ender = new Thread(() -> session.terminate(reason, grace), "fleet-end-" + run.name());
				ender.setDaemon(true);
				ender.start();
				enders.add(ender);
			}
		}
		for (Thread ender : enders) {
			try {
				ender.join(grace.toMillis() + JOIN_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void runBatch(List<HostRun> batch) {
		Lockstep lockstep = new Lockstep(batch, this.settings.parallel());
		batch.forEach(run -> run.start(this.sessions, lockstep, this.shared, this.out));
		while (true) {
			Map<HostRun, Parked> parked = lockstep.awaitParked();
			summarize(batch);
			this.record.write();
			if (parked.isEmpty()) {
				break;
			}
			List<HostRun> failed = parked.entrySet().stream().filter(e -> e.getValue().failed())
				.map(Map.Entry::getKey).toList();
			if (this.interrupted) {
				parked.keySet().forEach(run -> lockstep.answer(run, Decision.STOP));
			}
			else if (!failed.isEmpty()) {
				afterFailures(lockstep, failed, parked);
			}
			else {
				if (this.stopReason == null && failedHosts() > this.settings.maxFail().allowed(this.runs.size())) {
					this.stopReason = failureStop();
					this.out.line(this.stopReason);
				}
				if (this.stopReason != null) {
					parked.keySet().forEach(run -> lockstep.answer(run, Decision.STOP));
				}
				else {
					nextBlock(lockstep, parked);
				}
			}
		}
		for (HostRun run : batch) {
			try {
				if (!run.join(JOIN_MILLIS)) {
					this.out.line(run.name() + " | its session did not end within " + JOIN_MILLIS / 1000 + "s");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				lockstep.abort();
				return;
			}
		}
	}

	/** The earliest block any host waits for is decided once, for the hosts that wait for it. */
	private void nextBlock(Lockstep lockstep, Map<HostRun, Parked> parked) {
		int first = parked.values().stream().mapToInt(p -> p.before().index()).min().orElseThrow();
		List<HostRun> group = parked.entrySet().stream().filter(e -> e.getValue().before().index() == first)
			.map(Map.Entry::getKey).toList();
		BlockPrompt own = parked.get(group.get(0)).before();
		BlockPrompt prompt = new BlockPrompt(own.block(), own.index(), own.total(), own.headingPath(), label(group),
				own.command(), own.risk(), own.source());
		String path = prompt.headingPath().isEmpty() ? "" : "  (" + String.join(" > ", prompt.headingPath()) + ")";
		this.out.line("==> [" + prompt.index() + "/" + prompt.total() + "] " + prompt.block().label() + path
				+ "  on " + prompt.targetName());
		Decision decision;
		if (this.runAll && !alwaysAsks(prompt.block())) {
			decision = Decision.RUN;
		}
		else {
			decision = this.shared.operator().beforeBlock(prompt);
		}
		if (decision.choice() == Decision.Choice.ALL) {
			this.runAll = true;
			decision = Decision.RUN;
		}
		boolean typed = true;
		if (prompt.risk() != null && (decision.choice() == Decision.Choice.RUN
				|| decision.choice() == Decision.Choice.EDIT)) {
			this.out.line("!! " + prompt.block().label() + " is risky (" + prompt.risk() + ") and runs on "
					+ group.size() + " host" + (group.size() == 1 ? "" : "s") + " of " + this.settings.name());
			typed = this.shared.operator().typedConfirmation(prompt.block(),
					decision.choice() == Decision.Choice.EDIT ? decision.text() : prompt.command(), this.settings.name(),
					prompt.risk());
		}
		boolean stop = decision.choice() == Decision.Choice.STOP;
		if (stop) {
			this.stopReason = "stopped before " + prompt.block().label() + " on every host";
		}
		this.record.decision(this.batchNumber, prompt.block(), decision.choice(), group, stop);
		for (HostRun run : group) {
			run.typed = typed;
			lockstep.answer(run, decision);
		}
	}

	private static boolean alwaysAsks(Block block) {
		return block.annotations().excludeFromRunAll() || block.annotations().get("confirm")
			.map(v -> v.trim().equalsIgnoreCase("always")).orElse(false);
	}

	private void afterFailures(Lockstep lockstep, List<HostRun> failed, Map<HostRun, Parked> parked) {
		Parked first = parked.get(failed.get(0));
		FleetQuestions.FailureDecision answer = this.questions.afterFailures(first.failure(),
				failed.stream().map(HostRun::name).toList());
		Decision decision = answer.forFailed();
		if (answer.stopFleet()) {
			this.stopReason = "stopped after " + first.failure().block().label() + " failed on " + names(failed);
		}
		this.record.decision(this.batchNumber, first.failure().block(), decision.choice(), failed,
				answer.stopFleet());
		for (HostRun run : failed) {
			if (decision.choice() == Decision.Choice.ROLLBACK) {
				run.rolledBack = true;
			}
			lockstep.answer(run, decision);
		}
	}

	private void summarize(List<HostRun> batch) {
		Map<String, List<HostBlock>> byBlock = new LinkedHashMap<>();
		for (HostRun run : batch) {
			for (HostBlock block : run.drainFinished()) {
				byBlock.computeIfAbsent(block.report().block().id(), id -> new ArrayList<>()).add(block);
			}
		}
		byBlock.values().stream()
			.sorted(Comparator.comparingInt(blocks -> blocks.get(0).report().block().line()))
			.forEach(blocks -> OutputGroups.summary(blocks).forEach(this.out::line));
	}

	private long failedHosts() {
		return this.runs.stream().filter(run -> run.state.failed()).count();
	}

	private String failureStop() {
		List<HostRun> failed = this.runs.stream().filter(run -> run.state.failed()).toList();
		return "stopping: " + failed.size() + " of " + this.runs.size() + " hosts failed (" + names(failed)
				+ "), --max-fail " + this.settings.maxFail().percent() + "% allows "
				+ this.settings.maxFail().allowed(this.runs.size());
	}

	/** {@code web1, web2, web3 (3 hosts)}; past six hosts the first five and the count. */
	private static String label(List<HostRun> group) {
		if (group.size() == 1) {
			return group.get(0).name();
		}
		List<String> names = group.stream().map(HostRun::name).toList();
		String shown = names.size() <= 6 ? String.join(", ", names)
				: String.join(", ", names.subList(0, 5)) + ", ...";
		return shown + " (" + names.size() + " hosts)";
	}

	private static String names(List<HostRun> runs) {
		return runs.stream().map(HostRun::name).collect(Collectors.joining(", "));
	}

}
