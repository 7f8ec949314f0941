package dev.runbookshell.fleet;

import java.util.List;
import java.util.Map;

import dev.runbookshell.session.Decision;

/**
 * The small file beside a fleet run's journals that ties them together: the hosts with their journals and
 * states, the batches, and the decisions that applied to several hosts at once. Each journal is an ordinary
 * single-host journal; this index adds nothing they need.
 *
 * @param kind always {@link #KIND}
 * @param runbook the runbook's path
 * @param runbookSha256 its sha256
 * @param started when the run started (UTC, ISO-8601)
 * @param updated when the index was last written
 * @param parallel {@code --parallel}
 * @param maxFailPercent {@code --max-fail}
 * @param serial {@code --serial} as given, or null
 * @param hosts every host, in order
 * @param batches host names per batch
 * @param decisions the fleet's decisions, in order
 */
public record FleetIndex(String kind, String runbook, String runbookSha256, String started, String updated,
		int parallel, int maxFailPercent, String serial, List<Host> hosts, List<List<String>> batches,
		List<FleetDecision> decisions) {

	public static final String KIND = "runbook-shell fleet index 1";

	public FleetIndex {
		hosts = List.copyOf(hosts);
		batches = List.copyOf(batches);
		decisions = List.copyOf(decisions);
	}

	/**
	 * One host.
	 *
	 * @param name its name (front matter, inventory, or the URI)
	 * @param uri its target URI
	 * @param options its target options (paths, names of variables: never a secret)
	 * @param batch its batch, from 1
	 * @param journal its journal, relative to the index's folder, or null when its session never started
	 * @param state where it stands
	 * @param message why it did not succeed, or null
	 * @param signature its journal's signature ({@code <journal>.sig}, relative to the index's folder) when one
	 * was written, else null: the journal is not signed
	 * @param shippedTo where its journal was shipped ({@code --ship}), or null
	 */
	public record Host(String name, String uri, Map<String, String> options, int batch, String journal,
			HostState state, String message, String signature, String shippedTo) {

		/** A host whose journal is neither signed nor shipped. */
		public Host(String name, String uri, Map<String, String> options, int batch, String journal, HostState state,
				String message) {
			this(name, uri, options, batch, journal, state, message, null, null);
		}

	}

	/**
	 * A decision taken once for several hosts.
	 *
	 * @param at when (UTC)
	 * @param batch the batch
	 * @param block the block id
	 * @param choice what was chosen (an edit's text is in each host's journal)
	 * @param hosts the hosts it was handed to
	 * @param stopFleet whether it stopped every host
	 */
	public record FleetDecision(String at, int batch, String block, Decision.Choice choice, List<String> hosts,
			boolean stopFleet) {
	}

}
