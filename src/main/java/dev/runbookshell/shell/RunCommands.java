package dev.runbookshell.shell;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jline.reader.LineReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.runbookshell.runbook.AnnotationKeys;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.RunbookParseException;
import dev.runbookshell.session.AnswersConfirmer;
import dev.runbookshell.session.AutoConfirmer;
import dev.runbookshell.session.Confirmer;
import dev.runbookshell.session.JournalProof;
import dev.runbookshell.session.OnUnknown;
import dev.runbookshell.session.ReplayConfirmer;
import dev.runbookshell.session.RunSession;
import dev.runbookshell.session.SessionAssembly;
import dev.runbookshell.session.SessionMode;
import dev.runbookshell.session.SessionPlan;
import dev.runbookshell.session.SessionRefusedException;
import dev.runbookshell.session.SessionRequest;
import dev.runbookshell.session.SessionResult;
import dev.runbookshell.session.SessionSettings;
import dev.runbookshell.targets.TargetDefinition;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetPrompts;

/**
 * {@code runbook run FILE}: one unattended (or, at a terminal, interactive) session from start to end. Exactly
 * one way to answer: {@code --yes}, {@code --answers F}, {@code --replay LOG}, or a terminal; without a terminal
 * and without any of them it refuses at once rather than wait for input.
 */
@Component
public class RunCommands {

	/** How long a block stopped by SIGTERM or SIGHUP is given to end before the session is closed anyway. */
	static final java.time.Duration SIGNAL_GRACE = java.time.Duration.ofSeconds(10);

	private static final PrintWriter STDERR = new PrintWriter(
			new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true);

	private final SessionAssembly assembly;

	private final InterruptRelay interrupts;

	private final ObjectProvider<LineReader> readers;

	private final CurrentRunbook current;

	private final SessionCommands sessionCommands;

	private final FleetCommand fleet;

	public RunCommands(SessionAssembly assembly, InterruptRelay interrupts, ObjectProvider<LineReader> readers,
			CurrentRunbook current, SessionCommands sessionCommands, FleetCommand fleet) {
		this.assembly = assembly;
		this.interrupts = interrupts;
		this.readers = readers;
		this.current = current;
		this.sessionCommands = sessionCommands;
		this.fleet = fleet;
	}

	@Command(name = "run", group = "Session", description = "Run a runbook's blocks on a target, start to end "
			+ "(in the shell with a runbook open: run [ID])", completionProvider = "blockCompletion", help = """
					Runs FILE's blocks in order (not its rollback sections) on the target and writes a journal.
					Answers come from --yes (run everything; risky blocks run without typing the target's name,
					the journal notes it), --answers F.yaml, --replay LOG, or the terminal. Without a terminal one
					of those is required. Exit: 0 done, 1 a block failed, 2 bad input, 3 target unreachable,
					130 interrupted. In the interactive shell with a runbook open, 'run ID' runs that block now
					and 'run' offers every remaining block.""")
	public void run(@Argument(index = 0, description = "the runbook (Markdown)") String file,
			@Option(longName = "target", description = "front-matter target or group name, or URI; several (a,b or repeated) run as a fleet (default: default-target, else local)") String target,
			@Option(longName = "yes", description = "run every block without asking") Boolean yes,
			@Option(longName = "answers", description = "YAML file with the answers") String answers,
			@Option(longName = "replay", description = "apply the decisions recorded in this journal") String replay,
			@Option(longName = "resume", description = "continue this journal after a failure or crash") String resume,
			@Option(longName = "from", description = "first block (id or name)") String from,
			@Option(longName = "to", description = "last block (id or name)") String to,
			@Option(longName = "var", description = "NAME=VALUE, repeatable; never asked") String var,
			@Option(longName = "dry-run", description = "print the plan; connect to nothing, write nothing") Boolean dryRun,
			@Option(longName = "log-dir", description = "where journals go (default ./migration-logs)") String logDir,
			@Option(longName = "force", description = "replay or resume although the runbook or target changed; run despite a mistyped annotation key") Boolean force,
			@Option(longName = "accept-new-host-key", description = "trust an SSH host key not yet in known_hosts") Boolean acceptNewHostKey,
			@Option(longName = "sign", description = "sign the journal with the ssh-agent's key (default: $RUNBOOK_SIGN)") Boolean sign,
			@Option(longName = "sign-key", description = "sign the journal with this key (through the agent when it holds it)") String signKey,
			@Option(longName = "ship", description = "copy each journal line as written to syslog://host:port or file:///dir") String ship,
			@Option(longName = "rerun-unknown", description = "unattended: run again a block whose outcome is unknown") Boolean rerunUnknown,
			@Option(longName = "inventory", description = "fleet: the hosts of this Ansible inventory (INI or YAML)") String inventory,
			@Option(longName = "limit", description = "fleet: Ansible host pattern choosing hosts of --inventory") String limit,
			@Option(longName = "parallel", description = "fleet: hosts that run a block at once (default 5)") String parallel,
			@Option(longName = "max-fail", description = "fleet: share of hosts that may fail before it stops (default 0%)") String maxFail,
			@Option(longName = "serial", description = "fleet: batches, each walks the whole runbook (1,25%,100%)") String serial,
			@Option(longName = "retry-failed", description = "fleet: with --resume INDEX, only the hosts that failed") Boolean retryFailed,
			CommandContext context) {
		if (this.current.get().isPresent() && (file == null || !java.nio.file.Files.isRegularFile(Path.of(file)))) {
			this.sessionCommands.runBlock(file, context);
			return;
		}
		if (file == null || file.isBlank()) {
			throw CliException.usage("run needs a runbook: runbook run FILE [--yes|--answers F|--replay LOG]");
		}
		PrintWriter out = context.outputWriter();
		Runbook runbook;
		try {
			runbook = SessionAssembly.parse(Path.of(file));
		}
		catch (RunbookParseException ex) {
			throw CliException.usage(ex.getMessage());
		}
		AnnotationKeys keys = AnnotationKeys.of(runbook);
		if (keys.refusal().isPresent() && !isSet(force)) {
			throw CliException.usage(keys.refusal().get());
		}
		keys.notes().forEach(out::println);
		Map<String, String> vars = variables(context);
		int ways = (isSet(yes) ? 1 : 0) + (answers != null ? 1 : 0) + (replay != null ? 1 : 0);
		if (ways > 1) {
			throw CliException.usage("choose one way to answer: --yes, --answers FILE or --replay LOG");
		}
		boolean terminal = Terminals.stdinIsTerminal();
		if (ways == 0 && !terminal && !isSet(dryRun)) {
			throw CliException.usage("no terminal to ask on: pass --yes, --answers FILE or --replay LOG "
					+ "(or --dry-run to see the plan)");
		}
		Confirmer confirmer = unattendedConfirmer(runbook, yes, answers, replay);
		if (confirmer instanceof AnswersConfirmer fromFile) {
			Map<String, String> merged = new LinkedHashMap<>(fromFile.variables());
			merged.putAll(vars);
			vars = merged;
		}
		FleetCommand.Request fleetRequest = new FleetCommand.Request(optionValues(context, "target"), inventory, limit,
				parallel, maxFail, serial, FleetCommand.fleetIndex(resume), isSet(retryFailed), sign, signKey, ship);
		if (FleetCommand.wanted(runbook, fleetRequest)) {
			SessionSettings base = SessionSettings.of("fleet", "fleet", null).withVariables(vars).withRange(from, to)
				.withOnUnknown(onUnknown(confirmer, rerunUnknown));
			this.fleet.run(out, runbook, fleetRequest, confirmer, base, logDir, isSet(force), isSet(acceptNewHostKey),
					isSet(dryRun));
			return;
		}
		if (isSet(retryFailed)) {
			throw CliException.usage("--retry-failed needs --resume FLEET_INDEX (the .json beside a fleet run's journals)");
		}
		if (limit != null) {
			throw CliException.usage("--limit needs --inventory FILE");
		}
		FleetCommand.oneTargetNotes(parallel, maxFail, serial).forEach(RunCommands::warn);
		TargetDefinition definition = SessionAssembly.target(runbook, target);
		SessionSettings settings = this.assembly.settings(definition).withVariables(vars).withRange(from, to)
			.withOnUnknown(onUnknown(confirmer, rerunUnknown));
		if (isSet(dryRun)) {
			SessionMode mode = confirmer == null ? SessionMode.INTERACTIVE : confirmer.mode();
			DryRunPrinter.print(out, SessionPlan.of(runbook, definition.name(), settings, mode));
			return;
		}
		if (confirmer instanceof ReplayConfirmer fromLog) {
			settings = settings.withHistory(null, fromLog.history(), isSet(force));
		}
		if (resume != null) {
			settings = settings.withHistory(SessionAssembly.history(Path.of(resume)), settings.replay(),
					isSet(force));
		}
		// refused here, nothing is started and nothing written
		RunSession.check(runbook, settings);
		if (confirmer instanceof ReplayConfirmer fromLog) {
			fromLog.checkCovers(RunSession.flow(runbook, from, to));
		}
		TargetPrompts prompts;
		if (confirmer == null) {
			TerminalQuestions questions = new TerminalQuestions(this.readers.getObject());
			Terminals.relayInterrupts(questions.terminal(), this.interrupts);
			confirmer = new TerminalConfirmer(questions);
			prompts = new TerminalPrompts(questions);
		}
		else {
			prompts = TargetPrompts.unattended(isSet(acceptNewHostKey));
		}
		JournalProof proof = JournalProof.of(sign, signKey, ship, prompts::readSecret, System::getenv,
				RunCommands::warn);
		// at a terminal a running block shows its elapsed time and how to stop it
		SessionPrinter printer = Terminals.stdinIsTerminal() ? new TerminalProgress(out) : new SessionPrinter(out);
		SessionRequest request = new SessionRequest(runbook, definition, settings, confirmer, printer, prompts,
				logDir == null ? null : Path.of(logDir), proof);
		runSession(out, request, printer);
	}

	private void runSession(PrintWriter out, SessionRequest request, SessionPrinter printer) {
		TargetDefinition definition = request.target();
		JournalProof proof = request.proof();
		RunSession session;
		try {
			session = this.assembly.open(request);
		}
		catch (TargetException ex) {
			throw CliException.target(ex.getMessage(), ex);
		}
		SessionResult result;
		try (session; InterruptRelay.Registration relay = this.interrupts.during(session::interrupt);
				InterruptRelay.Registration ending = this.interrupts.ending(
						reason -> session.terminate(reason, SIGNAL_GRACE))) {
			session.runToEnd();
			result = session.finish();
		}
		catch (TargetException ex) {
			printer.summary(session.result());
			printProof(proof, out);
			throw CliException.target(definition.name() + ": " + ex.getMessage(), ex);
		}
		catch (SessionRefusedException ex) {
			printer.summary(session.result());
			printProof(proof, out);
			throw ex;
		}
		printer.summary(result);
		printProof(proof, out);
		if (result.status() == SessionResult.Status.FAILED && session.connectionLostIn().isPresent()) {
			throw new CliException(ExitCode.TARGET, SessionAssembly.describe(definition) + ": connection lost during "
					+ session.connectionLostIn().get().label() + ", recorded as unknown (journal: " + result.journal()
					+ ")");
		}
		switch (result.status()) {
			case FAILED -> throw CliException.failed(session.stopReason() != null
					? session.stopReason() + " (journal: " + result.journal() + ")"
					: "a block did not succeed (journal: " + result.journal() + ")");
			case INTERRUPTED -> throw new CliException(ExitCode.INTERRUPTED, (session.stopReason() != null
					? session.stopReason() : "interrupted") + " (journal: " + result.journal() + ")");
			default -> {
			}
		}
	}

	/** Where the journal's signature is, how much was shipped; why it is not signed to stderr. */
	static void printProof(JournalProof proof, PrintWriter out) {
		proof.finish(out::println, error -> {
			out.flush();
			warn(error);
		});
		out.flush();
	}

	/** One line to stderr, also from the signing and shipping threads. */
	static void warn(String line) {
		STDERR.println(line);
	}

	/** {@code --rerun-unknown}, else the answers file's {@code on-unknown:}, else stop. */
	private static OnUnknown onUnknown(Confirmer confirmer, Boolean rerunUnknown) {
		if (isSet(rerunUnknown)) {
			return OnUnknown.RERUN;
		}
		if (confirmer instanceof AnswersConfirmer answers && answers.onUnknown() != null) {
			return answers.onUnknown();
		}
		return OnUnknown.STOP;
	}

	/** The confirmer for --yes, --answers or --replay; null when the terminal answers. */
	private Confirmer unattendedConfirmer(Runbook runbook, Boolean yes, String answers, String replay) {
		if (isSet(yes)) {
			return new AutoConfirmer();
		}
		if (answers != null) {
			return AnswersConfirmer.load(Path.of(answers), runbook);
		}
		if (replay != null) {
			return new ReplayConfirmer(SessionAssembly.history(Path.of(replay)));
		}
		return null;
	}

	/** Every value given to the option {@code longName}, in order (a repeated option is never dropped). */
	static List<String> optionValues(CommandContext context, String longName) {
		return context.parsedInput().options().stream().filter(option -> longName.equals(option.longName()))
			.map(CommandOption::value).filter(value -> value != null && !value.isBlank()).toList();
	}

	/** Every {@code --var NAME=VALUE} given, in order; a later one wins. */
	static Map<String, String> variables(CommandContext context) {
		Map<String, String> vars = new LinkedHashMap<>();
		List<CommandOption> options = context.parsedInput().options();
		for (CommandOption option : options) {
			if (!"var".equals(option.longName())) {
				continue;
			}
			String pair = option.value();
			int eq = pair == null ? -1 : pair.indexOf('=');
			if (eq <= 0) {
				throw CliException.usage("--var takes NAME=VALUE, not '" + pair + "'");
			}
			vars.put(pair.substring(0, eq), pair.substring(eq + 1));
		}
		return vars;
	}

	private static boolean isSet(Boolean flag) {
		return Boolean.TRUE.equals(flag);
	}

}
