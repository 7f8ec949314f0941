package dev.runbookshell.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.session.RunSession;
import dev.runbookshell.session.SessionResult;
import dev.runbookshell.session.SessionVariables;

/** The interactive session commands: walk the open runbook block by block on a target. */
@Component
public class SessionCommands {

	private final CurrentRunbook current;

	private final InteractiveSession session;

	public SessionCommands(CurrentRunbook current, InteractiveSession session) {
		this.current = current;
		this.session = session;
	}

	@Command(name = "targets", group = "Session", description = "List the open runbook's targets")
	public String targets() {
		Runbook runbook = this.current.require();
		String chosen = this.session.target(runbook).name();
		StringBuilder text = new StringBuilder();
		runbook.frontMatter().targets().values().forEach(spec -> text.append(spec.name().equals(chosen) ? "* " : "  ")
			.append(spec.name()).append("  ").append(spec.uri()).append('\n'));
		if (!runbook.frontMatter().targets().containsKey(chosen)) {
			text.append("* ").append(chosen).append('\n');
		}
		return text.append("(use TARGET to choose; a URI works too: local, ssh://user@host, docker://name)").toString();
	}

	@Command(name = "use", group = "Session", description = "Choose the target (name or URI) for the session",
			completionProvider = "targetCompletion")
	public String use(@Argument(index = 0, description = "target name or URI") String target,
			@Option(longName = "log-dir", description = "where the journal goes (default ./migration-logs)") String logDir,
			@Option(longName = "sign", description = "sign the journal with the ssh-agent's key (default: $RUNBOOK_SIGN)") Boolean sign,
			@Option(longName = "sign-key", description = "sign the journal with this key (through the agent when it holds it)") String signKey,
			@Option(longName = "ship", description = "copy each journal line as written to syslog://host:port or file:///dir") String ship) {
		if (target == null) {
			throw CliException.usage("use TARGET (see: targets)");
		}
		this.session.use(target, logDir, new InteractiveSession.JournalChoice(sign, signKey, ship));
		return "target: " + target + " (connects on the next 'next', 'run' or 'continue')";
	}

	@Command(name = "next", group = "Session", description = "Offer the next block: run, skip, edit, all, stop")
	public void next(CommandContext context) {
		report(context, this.session.drive(context.outputWriter(), RunSession::next));
	}

	@Command(name = "continue", group = "Session", description = "Offer every remaining block in turn",
			alias = "c")
	public void proceed(CommandContext context) {
		report(context, this.session.drive(context.outputWriter(), RunSession::runToEnd));
	}

	/** {@code run [ID]} in the shell (the {@code run} command itself is {@link RunCommands}'). */
	public void runBlock(String id, CommandContext context) {
		if (id == null) {
			report(context, this.session.drive(context.outputWriter(), RunSession::runToEnd));
			return;
		}
		Block block = find(id);
		report(context, this.session.drive(context.outputWriter(), s -> s.run(block)));
	}

	@Command(name = "skip", group = "Session", description = "Skip block ID (default: the next one)",
			completionProvider = "blockCompletion")
	public String skip(@Argument(index = 0, description = "block id or name") String id, CommandContext context) {
		RunSession running = this.session.require(context.outputWriter());
		Block block = id == null ? running.current().orElseThrow(() -> CliException.usage("no block left to skip"))
				: find(id);
		running.skip(block);
		return nextHint(running);
	}

	@Command(name = "goto", group = "Session", description = "Make block ID the next one",
			completionProvider = "blockCompletion")
	public String goTo(@Argument(index = 0, description = "block id or name") String id, CommandContext context) {
		if (id == null) {
			throw CliException.usage("goto ID (see: outline)");
		}
		RunSession running = this.session.require(context.outputWriter());
		this.session.drive(context.outputWriter(), s -> {
			s.goTo(find(id));
			return RunSession.Step.ADVANCED;
		});
		return nextHint(running);
	}

	@Command(name = "retry", group = "Session", description = "Run the last failed block again")
	public void retry(CommandContext context) {
		report(context, this.session.drive(context.outputWriter(), RunSession::retry));
	}

	@Command(name = "rollback", group = "Session", description = "Offer the rollback of what ran so far")
	public void rollback(CommandContext context) {
		this.session.drive(context.outputWriter(), RunSession::rollback);
	}

	@Command(name = "check", group = "Session", description = "Tick the checklist items that are due")
	public void check(CommandContext context) {
		this.session.drive(context.outputWriter(), s -> {
			s.checkPending();
			return RunSession.Step.ADVANCED;
		});
	}

	@Command(name = "vars", group = "Session", description = "List the variables (secrets as ****)")
	public String vars() {
		RunSession running = this.session.active();
		List<SessionVariables.View> views = running != null ? running.variables().list()
				: new SessionVariables(this.current.require().frontMatter(), new dev.runbookshell.session.SecretValues())
					.list();
		if (views.isEmpty()) {
			return "(no variables)";
		}
		return views.stream()
			.map(v -> v.name() + " = " + (v.value() == null ? "(unset)" : v.value()) + (v.secret() ? "  [secret]" : ""))
			.collect(Collectors.joining("\n"));
	}

	@Command(name = "set", group = "Session", description = "Set a variable: set NAME VALUE")
	public String set(@Argument(index = 0, description = "name") String name,
			@Argument(index = 1, description = "value") String value, CommandContext context) {
		if (name == null || value == null) {
			throw CliException.usage("set NAME VALUE");
		}
		RunSession running = this.session.require(context.outputWriter());
		this.session.drive(context.outputWriter(), s -> {
			s.set(name, value, false);
			return RunSession.Step.ADVANCED;
		});
		return name + " = " + running.variables().display(name);
	}

	@Command(name = "note", group = "Session", description = "Add a note to the journal: note TEXT...")
	public String note(CommandContext context) {
		String text = context.parsedInput().arguments().stream().map(CommandArgument::value)
			.collect(Collectors.joining(" "));
		if (text.isBlank()) {
			throw CliException.usage("note TEXT...");
		}
		this.session.require(context.outputWriter()).note(text);
		return "noted";
	}

	@Command(name = "status", group = "Session", description = "Where the session is and how each block ended")
	public String status() {
		RunSession running = this.session.active();
		if (running == null) {
			return "no session yet: 'next' starts one on " + this.session.target(this.current.require()).name();
		}
		StringBuilder text = new StringBuilder();
		for (Block block : running.flow()) {
			BlockStatus status = running.status(block);
			boolean here = running.current().map(b -> b.id().equals(block.id())).orElse(false);
			text.append(here ? "> " : "  ").append(String.format("%-12s", status == null ? "-" : status.wire()))
				.append(block.label()).append('\n');
		}
		SessionResult result = running.result();
		return text.append("on ").append(running.targetName()).append(" · ").append(result.status().wire())
			.append(" · journal ").append(running.journalLocation()).toString();
	}

	@Command(name = "log", group = "Session", description = "The journal's path and its last events")
	public String log() throws IOException {
		RunSession running = this.session.active();
		if (running == null) {
			return "no session yet: the journal is created by the first 'next'";
		}
		List<String> lines = Files.readAllLines(Path.of(running.journalLocation()));
		StringBuilder text = new StringBuilder(running.journalLocation()).append('\n');
		lines.subList(Math.max(0, lines.size() - 10), lines.size())
			.forEach(line -> text.append("  ").append(line.length() > 160 ? line.substring(0, 160) + "..." : line)
				.append('\n'));
		return text.toString().stripTrailing();
	}

	private Block find(String id) {
		Runbook runbook = this.current.require();
		return runbook.find(id).orElseThrow(() -> CliException.usage("no block '" + id + "' in " + runbook.file()
				+ " (see: outline)"));
	}

	private static String nextHint(RunSession running) {
		return running.current().map(b -> "next: " + b.label()).orElse("no blocks left");
	}

	private static void report(CommandContext context, RunSession.Step step) {
		PrintWriter out = context.outputWriter();
		if (step == RunSession.Step.END) {
			out.println("end of the runbook: 'status' for the summary, 'log' for the journal");
		}
		else if (step == RunSession.Step.STOPPED) {
			out.println("stopped: 'continue', 'retry', 'skip', 'goto ID' or 'rollback'");
		}
		out.flush();
	}

}
