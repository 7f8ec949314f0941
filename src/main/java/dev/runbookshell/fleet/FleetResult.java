package dev.runbookshell.fleet;

import java.nio.file.Path;
import java.util.List;

/**
 * How a fleet run ended.
 *
 * @param hosts each host and where it stands
 * @param index the fleet index
 * @param stopReason why the fleet stopped early, or null
 */
public record FleetResult(List<FleetIndex.Host> hosts, Path index, String stopReason) {

	public FleetResult {
		hosts = List.copyOf(hosts);
	}

	public long count(HostState state) {
		return this.hosts.stream().filter(host -> host.state() == state).count();
	}

	public boolean anyFailed() {
		return this.hosts.stream().anyMatch(host -> host.state().failed());
	}

}
