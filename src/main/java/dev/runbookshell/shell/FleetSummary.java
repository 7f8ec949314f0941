package dev.runbookshell.shell;

import java.io.PrintWriter;

import dev.runbookshell.fleet.FleetIndex;
import dev.runbookshell.fleet.FleetResult;
import dev.runbookshell.fleet.HostState;

/** The end of a fleet run: what each host came to, and the exit code. */
final class FleetSummary {

	private FleetSummary() {
	}

	/** Each host's state and journal, the counts and the index; a failure as the exit code it means. */
	static void print(PrintWriter out, FleetResult result) {
		out.println("Fleet:");
		for (FleetIndex.Host host : result.hosts()) {
			out.println("  " + host.name() + "  " + host.state().wire()
					+ (host.message() == null || host.state() == HostState.SUCCEEDED ? "" : ": " + host.message())
					+ (host.journal() == null ? "" : "  (journal: " + result.index().resolveSibling(host.journal()) + ")"));
		}
		StringBuilder counts = new StringBuilder();
		for (HostState state : HostState.values()) {
			long count = result.count(state);
			if (count > 0) {
				counts.append(counts.isEmpty() ? "" : ", ").append(count).append(' ').append(state.wire());
			}
		}
		out.println("Fleet " + counts + ". Index: " + result.index());
		out.flush();
		String where = " (index: " + result.index() + ")";
		if (result.count(HostState.INTERRUPTED) > 0) {
			throw new CliException(ExitCode.INTERRUPTED, "interrupted" + where);
		}
		// as for one target: a host that could not be reached, or was lost during a block, is exit 3
		boolean onlyTargets = result.hosts().stream().filter(h -> h.state().failed())
			.allMatch(h -> h.state() == HostState.UNREACHABLE || h.state() == HostState.UNKNOWN);
		if (result.anyFailed() && onlyTargets) {
			throw new CliException(ExitCode.TARGET, result.count(HostState.UNREACHABLE) + " host(s) unreachable, "
					+ result.count(HostState.UNKNOWN) + " lost during a block" + where);
		}
		if (result.anyFailed() || result.stopReason() != null && result.count(HostState.SUCCEEDED) < result.hosts().size()) {
			throw CliException.failed((result.stopReason() != null ? result.stopReason()
					: "a block did not succeed on " + result.hosts().stream().filter(h -> h.state().failed()).count()
							+ " host(s)") + where);
		}
	}

}
