package dev.runbookshell.shell;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jline.reader.LineReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.runbookshell.ansible.AnsibleException;
import dev.runbookshell.fleet.FailureBudget;
import dev.runbookshell.fleet.FleetException;
import dev.runbookshell.fleet.FleetHost;
import dev.runbookshell.fleet.FleetHosts;
import dev.runbookshell.fleet.FleetIndex;
import dev.runbookshell.fleet.FleetIndexFile;
import dev.runbookshell.fleet.FleetOutput;
import dev.runbookshell.fleet.FleetQuestions;
import dev.runbookshell.fleet.FleetResult;
import dev.runbookshell.fleet.FleetRun;
import dev.runbookshell.fleet.FleetTargets;
import dev.runbookshell.fleet.HostSessions;
import dev.runbookshell.fleet.SerialBatches;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.Slug;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.session.Confirmer;
import dev.runbookshell.session.JournalHistory;
import dev.runbookshell.session.JournalProof;
import dev.runbookshell.session.OnUnknown;
import dev.runbookshell.session.ReplayConfirmer;
import dev.runbookshell.session.RunSession;
import dev.runbookshell.session.SessionAssembly;
import dev.runbookshell.session.SessionJournal;
import dev.runbookshell.session.SessionMode;
import dev.runbookshell.session.SessionPlan;
import dev.runbookshell.session.SessionRequest;
import dev.runbookshell.session.SessionSettings;
import dev.runbookshell.targets.TargetDefinition;
import dev.runbookshell.targets.TargetPrompts;

/**
 * {@code runbook run} on more than one target (several {@code --target}s, a front-matter group, an inventory,
 * or {@code --resume} of a fleet index): each host's session is assembled as for one target, and the
 * {@link FleetRun} walks them in lockstep.
 */
@Component
class FleetCommand {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private final SessionAssembly assembly;

	private final InterruptRelay interrupts;

	private final ObjectProvider<LineReader> readers;

	FleetCommand(SessionAssembly assembly, InterruptRelay interrupts, ObjectProvider<LineReader> readers) {
		this.assembly = assembly;
		this.interrupts = interrupts;
		this.readers = readers;
	}

	/**
	 * What {@code run} was asked beyond one target.
	 *
	 * @param targets every {@code --target} value as typed
	 * @param inventory {@code --inventory}, or null
	 * @param limit {@code --limit}, or null
	 * @param parallel {@code --parallel}, or null
	 * @param maxFail {@code --max-fail}, or null
	 * @param serial {@code --serial}, or null
	 * @param resume {@code --resume} when it names a fleet index, else null
	 * @param retryFailed {@code --retry-failed}
	 * @param sign {@code --sign}: true, false, or null ({@code RUNBOOK_SIGN} decides)
	 * @param signKey {@code --sign-key}, or null
	 * @param ship {@code --ship}, or null
	 */
	record Request(List<String> targets, String inventory, String limit, String parallel, String maxFail,
			String serial, Path resume, boolean retryFailed, Boolean sign, String signKey, String ship) {
	}

	/** Whether the run is for a fleet rather than one target. */
	static boolean wanted(Runbook runbook, Request request) {
		if (request.inventory() != null || request.resume() != null) {
			return true;
		}
		List<String> names = new ArrayList<>();
		request.targets().forEach(value -> names.addAll(List.of(value.split(","))));
		return names.size() > 1 || names.stream().anyMatch(runbook.frontMatter().targetGroups()::containsKey);
	}

	/** One line per fleet option given to a run on one target, where it has no effect. */
	static List<String> oneTargetNotes(String parallel, String maxFail, String serial) {
		List<String> notes = new ArrayList<>();
		if (parallel != null) {
			notes.add("note: --parallel has no effect with one target");
		}
		if (maxFail != null) {
			notes.add("note: --max-fail has no effect with one target");
		}
		if (serial != null) {
			notes.add("note: --serial has no effect with one target");
		}
		return notes;
	}

	/** The fleet index {@code --resume} names, or null when it names a journal. */
	static Path fleetIndex(String resume) {
		return resume != null && FleetIndexFile.isIndex(Path.of(resume)) ? Path.of(resume) : null;
	}

	/**
	 * Runs the fleet (or prints its plan).
	 * @param confirmer the unattended answers, or null for the terminal
	 * @param base the settings every host's own are made from (values, range, unknown outcomes)
	 */
	void run(PrintWriter out, Runbook runbook, Request request, Confirmer confirmer, SessionSettings base,
			String logDir, boolean force, boolean acceptNewHostKey, boolean dryRun) {
		try {
			runFleet(out, runbook, request, confirmer, base, logDir, force, acceptNewHostKey, dryRun);
		}
		catch (FleetException | AnsibleException ex) {
			throw CliException.usage(ex.getMessage());
		}
	}

	private void runFleet(PrintWriter out, Runbook runbook, Request request, Confirmer confirmer,
			SessionSettings base, String logDir, boolean force, boolean acceptNewHostKey, boolean dryRun) {
		FleetIndex earlier = request.resume() == null ? null : FleetIndexFile.read(request.resume());
		SerialBatches serial = request.serial() != null || earlier == null ? SerialBatches.parse(request.serial())
				: SerialBatches.parse(earlier.serial());
		FailureBudget budget = request.maxFail() != null || earlier == null ? FailureBudget.parse(request.maxFail())
				: new FailureBudget(earlier.maxFailPercent());
		int parallel = parallel(request.parallel(), earlier);
		if (earlier != null && (!request.targets().isEmpty() || request.inventory() != null)) {
			throw CliException.usage("--resume of a fleet index takes its hosts from the index, not from --target or "
					+ "--inventory");
		}
		List<FleetHost> hosts = earlier != null
				? FleetHosts.resumed(request.resume(), earlier, runbook.file(), request.retryFailed())
				: FleetHosts.batched(serial, chosen(runbook, request));
		if (hosts.isEmpty()) {
			throw CliException.usage(request.resume() + ": no host left to "
					+ (request.retryFailed() ? "retry (none failed)" : "resume (every host is done)"));
		}
		String name = request.limit() != null ? request.limit()
				: request.inventory() != null ? Path.of(request.inventory()).getFileName().toString()
				: earlier != null ? "the fleet" : String.join(",", request.targets());
		FleetRun.Settings settings = new FleetRun.Settings(name, parallel, budget, serial);
		JournalHistory replay = confirmer instanceof ReplayConfirmer fromLog ? fromLog.history() : null;
		SessionSettings checked = base.withHistory(null, replay, force);
		if (dryRun) {
			out.println("fleet of " + hosts.size() + " hosts, --parallel " + parallel + ", --max-fail "
					+ budget.percent() + "%:");
			hosts.forEach(host -> out.println("  batch " + host.batch() + ": " + host.name() + "  "
					+ host.definition().uri()));
			SessionMode mode = confirmer == null ? SessionMode.INTERACTIVE : confirmer.mode();
			DryRunPrinter.print(out, SessionPlan.of(runbook, name, checked, mode));
			return;
		}
		RunSession.check(runbook, checked);
		if (confirmer instanceof ReplayConfirmer fromLog) {
			fromLog.checkCovers(RunSession.flow(runbook, base.from(), base.to()));
		}
		TargetPrompts prompts;
		FleetQuestions questions;
		if (confirmer == null) {
			TerminalQuestions terminal = new TerminalQuestions(this.readers.getObject());
			Terminals.relayInterrupts(terminal.terminal(), this.interrupts);
			confirmer = new TerminalConfirmer(terminal);
			prompts = oneAtATime(new TerminalPrompts(terminal));
			questions = new FleetFailureMenu(terminal);
		}
		else {
			prompts = TargetPrompts.unattended(acceptNewHostKey);
			questions = FleetQuestions.of(confirmer);
		}
		// the key is chosen (its passphrase asked) and the destination checked once, before any host starts
		JournalProof proof = JournalProof.of(request.sign(), request.signKey(), request.ship(), prompts::readSecret,
				System::getenv, RunCommands::warn);
		FleetResult result;
		try {
			Path index = request.resume() != null ? request.resume() : newIndex(logDir, runbook);
			FleetRun fleet = new FleetRun(runbook, hosts, settings, confirmer, questions, new FleetOutput() {
				@Override
				public void line(String text) {
					synchronized (out) {
						out.println(text);
						out.flush();
					}
				}

				@Override
				public void error(String text) {
					synchronized (out) {
						out.flush();
						RunCommands.warn(text);
					}
				}
			}, (host, hostConfirmer, listener) -> startHost(runbook, host, hostConfirmer, listener, prompts,
					hostSettings(checked, host), logDir, proof), index, earlier);
			try (InterruptRelay.Registration relay = this.interrupts.during(fleet::interrupt);
					InterruptRelay.Registration ending = this.interrupts.ending(reason -> {
						fleet.terminate(reason, RunCommands.SIGNAL_GRACE);
						return true;
					})) {
				result = fleet.run();
			}
		}
		finally {
			// every host's journal is closed: the shared key is closed now
			proof.finish(line -> {
			}, line -> {
			});
		}
		FleetSummary.print(out, result);
	}

	/**
	 * The one place a fleet host's session is assembled: by the same assembly as {@code run} for one target, its
	 * journal signed and shipped as one target's would be (the fleet's key, a signer and a shipper of its own).
	 */
	private HostSessions.Opened startHost(Runbook runbook, FleetHost host, Confirmer confirmer,
			dev.runbookshell.session.SessionListener listener, TargetPrompts prompts, SessionSettings settings,
			String logDir, JournalProof fleetProof) throws dev.runbookshell.targets.TargetException {
		String prefix = host.name() + " | ";
		JournalProof proof = fleetProof.forAnotherJournal(warning -> RunCommands.warn(prefix + warning));
		RunSession session = this.assembly.open(new SessionRequest(runbook, host.definition(), settings, confirmer,
				listener, prompts, logDir == null ? null : Path.of(logDir), proof));
		return new HostSessions.Opened(session, proof);
	}

	private SessionSettings hostSettings(SessionSettings checked, FleetHost host) {
		TargetDefinition definition = host.definition();
		SessionSettings own = this.assembly.settings(definition).withVariables(checked.variables())
			.withRange(checked.from(), checked.to()).withOnUnknown(checked.onUnknown());
		JournalHistory resume = host.resume() == null ? null : SessionAssembly.history(host.resume());
		return own.withHistory(resume, checked.replay(), checked.force());
	}

	private List<TargetDefinition> chosen(Runbook runbook, Request request) {
		if (request.inventory() != null) {
			if (!request.targets().isEmpty()) {
				throw CliException.usage("choose the hosts with --inventory (and --limit) or with --target, not both");
			}
			Path file = Path.of(request.inventory());
			if (!Files.isRegularFile(file)) {
				throw CliException.usage("no inventory at " + file);
			}
			return FleetTargets.fromInventory(file, request.limit());
		}
		if (request.limit() != null) {
			throw CliException.usage("--limit needs --inventory FILE");
		}
		return FleetTargets.choose(runbook, request.targets(), name -> SessionAssembly.target(runbook, name));
	}

	private static int parallel(String given, FleetIndex earlier) {
		if (given == null) {
			return earlier != null ? earlier.parallel() : 5;
		}
		try {
			int parallel = Integer.parseInt(given.trim());
			if (parallel >= 1) {
				return parallel;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw CliException.usage("--parallel " + given + ": a number of hosts, at least 1");
	}

	private static Path newIndex(String logDir, Runbook runbook) {
		Path dir = logDir == null ? JournalWriter.DEFAULT_DIR : Path.of(logDir);
		String slug = Slug.ofRunbook(runbook.file());
		String base = slug + "-fleet-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
		Path index = dir.resolve(base + ".json");
		for (int n = 2; Files.exists(index); n++) {
			index = dir.resolve(base + "-" + n + ".json");
		}
		return index;
	}

	/** Host-key and passphrase questions of hosts opening at once, asked one after the other. */
	private static TargetPrompts oneAtATime(TargetPrompts prompts) {
		return new TargetPrompts() {
			@Override
			public synchronized boolean acceptUnknownHostKey(String host, String keyType, String fingerprint) {
				return prompts.acceptUnknownHostKey(host, keyType, fingerprint);
			}

			@Override
			public synchronized boolean acceptHostKeyOfNewType(String host, List<String> known, String keyType,
					String fingerprint) {
				return prompts.acceptHostKeyOfNewType(host, known, keyType, fingerprint);
			}

			@Override
			public synchronized char[] readSecret(String prompt) {
				return prompts.readSecret(prompt);
			}
		};
	}

}
