package dev.runbookshell.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.runbookshell.report.FleetReport.HostRun;

/**
 * Two fleet runs of the same runbook side by side: for each host (by name) in both, its two runs compared block by
 * block as {@link RunComparison} does for two journals; the hosts found in only one of the runs listed.
 *
 * @param a the first fleet run (usually the rehearsal)
 * @param b the second fleet run
 * @param hosts one entry per host in both runs, in A's order
 * @param onlyInA hosts of A that B does not have
 * @param onlyInB hosts of B that A does not have
 */
public record FleetComparison(FleetReport a, FleetReport b, List<HostPair> hosts, List<String> onlyInA,
		List<String> onlyInB) {

	/**
	 * One host in both runs.
	 *
	 * @param name the host's name
	 * @param comparison its two runs compared, or null when one side has no run to compare
	 * @param problem why not (a journal missing, a broken chain), or null
	 */
	public record HostPair(String name, RunComparison comparison, String problem) {

		/** What differs on this host, {@code 1.2 status, 1.3 output}, or {@code same} when nothing does. */
		public String differences() {
			if (this.comparison == null) {
				return this.problem;
			}
			List<String> found = this.comparison.rows().stream().map(FleetComparison::difference)
				.filter(d -> d != null).toList();
			return found.isEmpty() ? "same" : String.join(", ", found);
		}

	}

	public static FleetComparison of(FleetReport a, FleetReport b) {
		Map<String, HostRun> inB = b.hosts().stream()
			.collect(Collectors.toMap(h -> h.host().name(), Function.identity(), (x, y) -> x));
		List<String> names = a.hosts().stream().map(h -> h.host().name()).toList();
		List<HostPair> pairs = new ArrayList<>();
		for (HostRun x : a.hosts()) {
			HostRun y = inB.get(x.host().name());
			if (y == null) {
				continue;
			}
			if (x.run() == null || y.run() == null) {
				String problem = x.run() == null ? "A: " + x.problem() : "B: " + y.problem();
				pairs.add(new HostPair(x.host().name(), null, problem));
			}
			else {
				pairs.add(new HostPair(x.host().name(), RunComparison.of(x.run(), y.run()), null));
			}
		}
		List<String> onlyInA = names.stream().filter(name -> !inB.containsKey(name)).toList();
		List<String> onlyInB = b.hosts().stream().map(h -> h.host().name()).filter(name -> !names.contains(name))
			.toList();
		return new FleetComparison(a, b, List.copyOf(pairs), onlyInA, onlyInB);
	}

	/** {@code 1.2 status and output}: what differs on one block, or null when nothing does. */
	static String difference(RunComparison.Row row) {
		if (row.a() == null || row.b() == null) {
			return row.id() + (row.a() == null ? " only in B" : " only in A");
		}
		List<String> what = new ArrayList<>();
		if (!row.a().attemptsText().equals(row.b().attemptsText())) {
			what.add("status");
		}
		if (Boolean.TRUE.equals(row.outputDiffers())) {
			what.add("output");
		}
		if (row.contentChanged()) {
			what.add("block changed");
		}
		return what.isEmpty() ? null : row.id() + " " + String.join(" and ", what);
	}

}
