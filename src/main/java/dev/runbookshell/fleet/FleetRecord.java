package dev.runbookshell.fleet;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.session.Decision;

/** What a fleet run keeps in its index as it goes: its hosts, their journals and states, its decisions. */
final class FleetRecord {

	private final Runbook runbook;

	private final FleetRun.Settings settings;

	private final List<HostRun> runs;

	private final Path indexFile;

	private final FleetIndex earlier;

	private final String started;

	private final List<FleetIndex.FleetDecision> decisions = new ArrayList<>();

	/** @param earlier the index being resumed (its hosts not run again are kept as they were), or null */
	FleetRecord(Runbook runbook, FleetRun.Settings settings, List<HostRun> runs, Path indexFile, FleetIndex earlier) {
		this.runbook = runbook;
		this.settings = settings;
		this.runs = runs;
		this.indexFile = indexFile;
		this.earlier = earlier;
		this.started = earlier != null ? earlier.started() : Instant.now().toString();
		if (earlier != null) {
			this.decisions.addAll(earlier.decisions());
		}
	}

	Path indexFile() {
		return this.indexFile;
	}

	synchronized void decision(int batch, Block block, Decision.Choice choice, List<HostRun> hosts, boolean stopFleet) {
		this.decisions.add(new FleetIndex.FleetDecision(Instant.now().toString(), batch, block.id(), choice,
				hosts.stream().map(HostRun::name).toList(), stopFleet));
	}

	/** This run's hosts, in the places of an earlier index's hosts (those not run again kept as they were). */
	private List<FleetIndex.Host> hostEntries() {
		Map<String, FleetIndex.Host> entries = new LinkedHashMap<>();
		if (this.earlier != null) {
			this.earlier.hosts().forEach(host -> entries.put(host.name(), host));
		}
		thisRun().forEach(host -> entries.put(host.name(), host));
		return List.copyOf(entries.values());
	}

	/** This run's hosts as the index has them. */
	List<FleetIndex.Host> thisRun() {
		Path dir = this.indexFile.toAbsolutePath().getParent();
		return this.runs.stream().map(run -> {
			String journal = run.journal != null ? dir.relativize(Path.of(run.journal).toAbsolutePath()).toString()
					: run.host.resume() != null ? dir.relativize(run.host.resume().toAbsolutePath()).toString() : null;
			String signature = run.signature != null ? dir.relativize(run.signature.toAbsolutePath()).toString() : null;
			return new FleetIndex.Host(run.name(), run.host.definition().uri(), run.host.definition().options(),
					run.host.batch(), journal, run.state, run.message, signature, run.shippedTo);
		}).toList();
	}

	/** Rewrites the index (whole, or the previous one stays). */
	synchronized void write() {
		List<FleetIndex.Host> hosts = hostEntries();
		Map<Integer, List<String>> batches = new LinkedHashMap<>();
		hosts.forEach(host -> batches.computeIfAbsent(host.batch(), b -> new ArrayList<>()).add(host.name()));
		FleetIndexFile.write(this.indexFile, new FleetIndex(FleetIndex.KIND, this.runbook.file(),
				this.runbook.sha256(), this.started, Instant.now().toString(), this.settings.parallel(),
				this.settings.maxFail().percent(), this.settings.serial().spec(), hosts,
				List.copyOf(batches.values()), this.decisions));
	}

}
