package dev.runbookshell.shell;

import java.io.PrintWriter;
import java.util.List;

import dev.runbookshell.runbook.DurationText;
import dev.runbookshell.session.SessionPlan;

/** Prints what {@code run --dry-run} would do, block by block. */
final class DryRunPrinter {

	private DryRunPrinter() {
	}

	static void print(PrintWriter out, List<SessionPlan.Step> plan) {
		if (plan.isEmpty()) {
			out.println("(no executable blocks)");
		}
		for (SessionPlan.Step step : plan) {
			var prompt = step.prompt();
			String path = prompt.headingPath().isEmpty() ? "" : "  (" + String.join(" > ", prompt.headingPath()) + ")";
			out.println("==> [" + prompt.index() + "/" + prompt.total() + "] " + prompt.block().label() + path + "  on "
					+ prompt.targetName());
			String command = prompt.command();
			// the block's final newline ends its last line; it is not an empty line of its own
			command = command.endsWith("\n") ? command.substring(0, command.length() - 1) : command;
			for (String line : command.split("\n", -1)) {
				out.println("    " + line);
			}
			StringBuilder notes = new StringBuilder();
			if (prompt.risk() != null) {
				notes.append("risky: ").append(prompt.risk()).append("; ");
			}
			if (!step.missing().isEmpty()) {
				notes.append("would ask: ").append(String.join(", ", step.missing())).append("; ");
			}
			if (step.timeout() != null) {
				notes.append("timeout ").append(DurationText.terminal(step.timeout())).append("; ");
			}
			if (step.input() != null) {
				notes.append(step.input()).append("; ");
			}
			if (!notes.isEmpty()) {
				out.println("    # " + notes.substring(0, notes.length() - 2));
			}
		}
		out.println("dry run: " + plan.size() + " block(s); nothing was run, no target contacted, no journal written");
		out.flush();
	}

}
