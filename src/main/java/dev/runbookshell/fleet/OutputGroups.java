package dev.runbookshell.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.runbookshell.journal.BlockStatus;

/**
 * The summary after a block, as {@code dshbak -c} prints it: hosts whose output (and outcome) was identical
 * under one header, then the hosts on which it did not succeed.
 */
final class OutputGroups {

	static final String RULE = "----------------";

	private OutputGroups() {
	}

	/** The lines of the summary of one block's runs (the last run per host). */
	static List<String> summary(List<HostBlock> runs) {
		Map<String, HostBlock> last = new LinkedHashMap<>();
		runs.forEach(run -> last.put(run.host(), run));
		List<String> lines = new ArrayList<>();
		HostBlock any = runs.get(0);
		Map<BlockStatus, List<String>> byStatus = new LinkedHashMap<>();
		last.values().forEach(run -> byStatus.computeIfAbsent(run.report().status(), s -> new ArrayList<>()).add(run.host()));
		lines.add("<== " + any.report().block().label() + ": " + byStatus.entrySet().stream()
			.map(e -> e.getKey().wire() + " on " + e.getValue().size())
			.collect(Collectors.joining(", ")));
		if (byStatus.size() == 1 && byStatus.containsKey(BlockStatus.SKIPPED)) {
			return lines;
		}
		// hosts that printed the same but ended differently are not one group
		Map<List<Object>, List<String>> byOutput = new LinkedHashMap<>();
		for (HostBlock run : last.values()) {
			if (run.report().status() != BlockStatus.SKIPPED) {
				byOutput.computeIfAbsent(List.of(run.output(), run.report().status()), o -> new ArrayList<>())
					.add(run.host());
			}
		}
		byOutput.forEach((key, hosts) -> {
			String output = (String) key.get(0);
			BlockStatus status = (BlockStatus) key.get(1);
			lines.add(RULE);
			lines.add(String.join(",", hosts) + (status.ranToEnd() ? "" : " (" + status.wire() + ")"));
			lines.add(RULE);
			String text = output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
			lines.add(text.isEmpty() ? "(no output)" : text);
		});
		for (HostBlock run : last.values()) {
			BlockStatus status = run.report().status();
			if (!status.ranToEnd() && status != BlockStatus.SKIPPED && status != BlockStatus.STOPPED) {
				lines.add("failed: " + run.host() + " " + status.wire()
						+ (run.report().exitCode() == null ? "" : " (exit " + run.report().exitCode() + ")")
						+ (run.report().message() == null ? "" : ": " + run.report().message()));
			}
		}
		return lines;
	}

}
