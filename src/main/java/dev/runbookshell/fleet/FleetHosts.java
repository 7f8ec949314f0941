package dev.runbookshell.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.runbookshell.targets.TargetDefinition;

/** The hosts of a fleet run: new ones in their batches, or those of an earlier run's index to continue. */
public final class FleetHosts {

	private FleetHosts() {
	}

	/** {@code definitions} split into {@code serial}'s batches, numbered from 1. */
	public static List<FleetHost> batched(SerialBatches serial, List<TargetDefinition> definitions) {
		List<FleetHost> hosts = new ArrayList<>();
		List<List<TargetDefinition>> batches = serial.split(definitions);
		for (int i = 0; i < batches.size(); i++) {
			for (TargetDefinition definition : batches.get(i)) {
				hosts.add(new FleetHost(definition, i + 1, null));
			}
		}
		return hosts;
	}

	/**
	 * The hosts of {@code earlier} that are not done (with {@code retryFailed}: that failed), in their batches,
	 * each continuing its own journal (none for a host that never started).
	 * @throws FleetException when the index is of another runbook than {@code runbookFile}
	 */
	public static List<FleetHost> resumed(Path indexFile, FleetIndex earlier, String runbookFile,
			boolean retryFailed) {
		if (!Path.of(earlier.runbook()).toAbsolutePath().normalize()
			.equals(Path.of(runbookFile).toAbsolutePath().normalize())) {
			throw new FleetException(indexFile + " is a fleet run of " + earlier.runbook() + ", not of " + runbookFile);
		}
		List<FleetHost> hosts = new ArrayList<>();
		for (FleetIndex.Host host : earlier.hosts()) {
			boolean take = retryFailed ? host.state().failed() : !host.state().done();
			if (take) {
				Path journal = FleetIndexFile.journal(indexFile, host);
				hosts.add(new FleetHost(new TargetDefinition(host.name(), host.uri(), host.options()), host.batch(),
						journal != null && Files.isRegularFile(journal) ? journal : null));
			}
		}
		return hosts;
	}

}
