package dev.runbookshell.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.runbookshell.fleet.FleetIndex;
import dev.runbookshell.fleet.FleetIndexFile;
import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalReader;

/**
 * A fleet run from its index and its hosts' journals: a matrix of blocks × hosts (Markdown, or HTML with each
 * host's blocks a click away; a cell shows every attempt of a retried block), the decisions taken for several
 * hosts at once, JUnit XML with one test suite per host, and JSON with each host's run as the single-host JSON
 * report has it. A host whose journal is missing or whose chain is broken is shown as such, never as a result.
 */
public final class FleetReport {

	/**
	 * One host of the fleet with its run.
	 *
	 * @param host the host as the index has it
	 * @param run its journal read, or null when it has none
	 * @param problem why there is no run (no journal, a broken chain), or null
	 */
	public record HostRun(FleetIndex.Host host, Run run, String problem) {
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path indexFile;

	private final FleetIndex index;

	private final List<HostRun> hosts = new ArrayList<>();

	private FleetReport(Path indexFile, FleetIndex index) {
		this.indexFile = indexFile;
		this.index = index;
		for (FleetIndex.Host host : index.hosts()) {
			this.hosts.add(load(indexFile, host));
		}
	}

	/** @throws dev.runbookshell.fleet.FleetException when {@code indexFile} is no fleet index */
	public static FleetReport of(Path indexFile) {
		return new FleetReport(indexFile, FleetIndexFile.read(indexFile));
	}

	private static HostRun load(Path indexFile, FleetIndex.Host host) {
		Path journal = FleetIndexFile.journal(indexFile, host);
		if (journal == null) {
			return new HostRun(host, null, "never started");
		}
		if (!Files.isRegularFile(journal)) {
			return new HostRun(host, null, "journal missing: " + journal);
		}
		Journal read = new JournalReader().read(journal);
		if (read.verification().isBroken()) {
			return new HostRun(host, null, read.verification().describe(journal));
		}
		return new HostRun(host, Run.of(read), null);
	}

	public List<HostRun> hosts() {
		return List.copyOf(this.hosts);
	}

	public FleetIndex index() {
		return this.index;
	}

	/** The index file as given. */
	public Path indexFile() {
		return this.indexFile;
	}

	/** Block label by id, in the order the hosts ran them (the first host's order, then any others). */
	Map<String, String> blocks() {
		Map<String, String> blocks = new LinkedHashMap<>();
		for (HostRun host : this.hosts) {
			if (host.run() != null) {
				host.run().blocks().forEach(block -> blocks.putIfAbsent(block.block().id(), block.label()));
			}
		}
		return blocks;
	}

	static BlockRun block(HostRun host, String id) {
		if (host.run() == null) {
			return null;
		}
		return host.run().blocks().stream().filter(b -> b.block().id().equals(id)).findFirst().orElse(null);
	}

	/** A block on a host: its outcome, every attempt's when it ran more than once ({@code failed → succeeded}). */
	static String cell(BlockRun block) {
		return block == null ? "-" : block.attemptsText();
	}

	String title() {
		return this.hosts.stream().map(HostRun::run).filter(run -> run != null).findFirst().map(Run::title)
			.orElse(this.index.runbook());
	}

	/** The matrix in Markdown. */
	public String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# Fleet run: ").append(cellText(title())).append("\n\n");
		md.append("Runbook `").append(this.index.runbook()).append("` · started ").append(this.index.started())
			.append(" · ").append(this.hosts.size()).append(" hosts · --parallel ").append(this.index.parallel())
			.append(" · --max-fail ").append(this.index.maxFailPercent()).append("%")
			.append(this.index.serial() == null ? "" : " · --serial " + this.index.serial()).append("\n\n");
		md.append("| Block |");
		this.hosts.forEach(host -> md.append(' ').append(cellText(host.host().name())).append(" |"));
		md.append("\n|---|").append("---|".repeat(this.hosts.size())).append('\n');
		blocks().forEach((id, label) -> {
			md.append("| ").append(cellText(label)).append(" |");
			this.hosts.forEach(host -> md.append(' ').append(cell(block(host, id))).append(" |"));
			md.append('\n');
		});
		md.append("| **host** |");
		this.hosts.forEach(host -> md.append(" **").append(host.host().state().wire()).append("** |"));
		md.append("\n\n## Decisions for several hosts\n\n");
		if (this.index.decisions().isEmpty()) {
			md.append("(none)\n");
		}
		for (FleetIndex.FleetDecision decision : this.index.decisions()) {
			md.append("- ").append(decision.at()).append(" batch ").append(decision.batch()).append(", block ")
				.append(decision.block()).append(": ").append(decision.choice().wire()).append(" on ")
				.append(String.join(", ", decision.hosts())).append(decision.stopFleet() ? " (stopped the fleet)" : "")
				.append('\n');
		}
		md.append("\n## Hosts\n\n");
		for (HostRun host : this.hosts) {
			md.append("- **").append(cellText(host.host().name())).append("** `").append(host.host().uri())
				.append("` batch ").append(host.host().batch()).append(": ").append(host.host().state().wire());
			if (host.host().message() != null) {
				md.append(" (").append(cellText(host.host().message())).append(')');
			}
			md.append(host.problem() != null ? "; " + host.problem()
					: "; journal `" + host.host().journal() + "` (" + host.run().countsText() + ")");
			md.append('\n');
		}
		return md.toString();
	}

	/** The matrix in one self-contained HTML page; a cell links to the host's block below it. */
	public String html() {
		return FleetHtml.of(this);
	}

	/**
	 * One JSON document: the fleet as its index has it (runbook, batches, the decisions taken for several hosts at
	 * once) and per host its state and its run in the single-host JSON report's shape ({@link JsonReport}).
	 */
	public String json() {
		ObjectNode root = JSON.createObjectNode();
		root.put("fleetIndex", this.indexFile.getFileName().toString());
		root.put("title", title());
		root.putObject("runbook").put("path", this.index.runbook()).put("sha256", this.index.runbookSha256());
		root.put("started", this.index.started()).put("updated", this.index.updated());
		root.put("parallel", this.index.parallel()).put("maxFailPercent", this.index.maxFailPercent())
			.put("serial", this.index.serial());
		ObjectNode states = root.putObject("hostStates");
		this.hosts.forEach(host -> states.put(host.host().state().wire(), states.path(host.host().state().wire())
			.asInt() + 1));
		ArrayNode batches = root.putArray("batches");
		this.index.batches().forEach(batch -> batch.forEach(batches.addArray()::add));
		ArrayNode decisions = root.putArray("decisions");
		for (FleetIndex.FleetDecision decision : this.index.decisions()) {
			ObjectNode node = decisions.addObject().put("at", decision.at()).put("batch", decision.batch())
				.put("block", decision.block()).put("choice", decision.choice().wire());
			decision.hosts().forEach(node.putArray("hosts")::add);
			node.put("stopFleet", decision.stopFleet());
		}
		ArrayNode hosts = root.putArray("hosts");
		for (HostRun host : this.hosts) {
			ObjectNode node = hosts.addObject().put("name", host.host().name()).put("uri", host.host().uri())
				.put("batch", host.host().batch()).put("state", host.host().state().wire())
				.put("message", host.host().message()).put("journal", host.host().journal())
				.put("signature", host.host().signature()).put("shippedTo", host.host().shippedTo());
			if (host.run() == null) {
				node.put("problem", host.problem()).putNull("run");
			}
			else {
				node.set("run", JsonReport.tree(host.run()));
			}
		}
		return JsonReport.text(root);
	}

	/** JUnit XML: one test suite per host that has a journal. */
	public String junit() {
		return new JunitReport().renderSuites(this.hosts.stream().map(HostRun::run).filter(run -> run != null)
			.collect(Collectors.toList()));
	}

	private static String cellText(String text) {
		return text.replace("|", "\\|").replace("\n", " ");
	}

}
