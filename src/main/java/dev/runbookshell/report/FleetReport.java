package dev.runbookshell.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.runbookshell.fleet.FleetIndex;
import dev.runbookshell.fleet.FleetIndexFile;
import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalReader;

/**
 * A fleet run from its index and its hosts' journals: a matrix of blocks × hosts (Markdown, or HTML with each
 * host's blocks a click away), the decisions taken for several hosts at once, and JUnit XML with one test suite
 * per host. A host whose journal is missing or whose chain is broken is shown as such, never as a result.
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

	private final FleetIndex index;

	private final List<HostRun> hosts = new ArrayList<>();

	private FleetReport(Path indexFile, FleetIndex index) {
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

	/** Block label by id, in the order the hosts ran them (the first host's order, then any others). */
	private Map<String, String> blocks() {
		Map<String, String> blocks = new LinkedHashMap<>();
		for (HostRun host : this.hosts) {
			if (host.run() != null) {
				host.run().blocks().forEach(block -> blocks.putIfAbsent(block.block().id(), block.label()));
			}
		}
		return blocks;
	}

	private static BlockRun block(HostRun host, String id) {
		if (host.run() == null) {
			return null;
		}
		return host.run().blocks().stream().filter(b -> b.block().id().equals(id)).findFirst().orElse(null);
	}

	private static String cell(BlockRun block) {
		if (block == null) {
			return "-";
		}
		return block.status().wire() + (block.exitCode() == null || block.exitCode() == 0 ? ""
				: " (exit " + block.exitCode() + ")");
	}

	private String title() {
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
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<title>Fleet run: " + HtmlReport.esc(title()) + "</title><style>"
				+ "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
				+ "padding:.3em .6em}.succeeded{background:#dfd}.failed,.unknown,.timed-out{background:#fdd}"
				+ ".skipped,.stopped{background:#eee}.interrupted{background:#fed}pre{background:#f6f6f6;padding:.5em;"
				+ "overflow:auto}</style></head><body>\n");
		html.append("<h1>Fleet run: ").append(HtmlReport.esc(title())).append("</h1>\n<p>Runbook <code>")
			.append(HtmlReport.esc(this.index.runbook())).append("</code>, started ")
			.append(HtmlReport.esc(this.index.started())).append(", ").append(this.hosts.size()).append(" hosts</p>\n");
		html.append("<table><tr><th>Block</th>");
		this.hosts.forEach(host -> html.append("<th><a href=\"#").append(anchor(host, null)).append("\">")
			.append(HtmlReport.esc(host.host().name())).append("</a></th>"));
		html.append("</tr>\n");
		blocks().forEach((id, label) -> {
			html.append("<tr><td>").append(HtmlReport.esc(label)).append("</td>");
			for (HostRun host : this.hosts) {
				BlockRun block = block(host, id);
				html.append(block == null ? "<td>-</td>"
						: "<td class=\"" + block.status().wire() + "\"><a href=\"#" + anchor(host, id) + "\">"
								+ HtmlReport.esc(cell(block)) + "</a></td>");
			}
			html.append("</tr>\n");
		});
		html.append("<tr><th>host</th>");
		this.hosts.forEach(host -> html.append("<th class=\"").append(host.host().state().wire()).append("\">")
			.append(host.host().state().wire()).append("</th>"));
		html.append("</tr></table>\n");
		for (HostRun host : this.hosts) {
			html.append("<h2 id=\"").append(anchor(host, null)).append("\">").append(HtmlReport.esc(host.host().name()))
				.append(" <small>").append(HtmlReport.esc(host.host().uri())).append(" · ")
				.append(host.host().state().wire()).append("</small></h2>\n");
			if (host.run() == null) {
				html.append("<p>").append(HtmlReport.esc(host.problem())).append("</p>\n");
				continue;
			}
			for (BlockRun block : host.run().blocks()) {
				html.append("<details id=\"").append(anchor(host, block.block().id())).append("\"><summary>")
					.append(HtmlReport.esc(block.label())).append(": ").append(HtmlReport.esc(cell(block)))
					.append("</summary><pre>").append(HtmlReport.esc(block.command() == null ? "" : block.command()))
					.append("</pre>");
				String output = block.finished() == null ? null : block.finished().output();
				if (output != null && !output.isEmpty()) {
					html.append("<pre>").append(HtmlReport.esc(output)).append("</pre>");
				}
				html.append("</details>\n");
			}
		}
		return html.append("</body></html>\n").toString();
	}

	/** JUnit XML: one test suite per host that has a journal. */
	public String junit() {
		return new JunitReport().renderSuites(this.hosts.stream().map(HostRun::run).filter(run -> run != null)
			.collect(Collectors.toList()));
	}

	private static String anchor(HostRun host, String block) {
		String name = host.host().name().replaceAll("[^A-Za-z0-9_-]", "_");
		return "host-" + name + (block == null ? "" : "-" + block.replaceAll("[^A-Za-z0-9_-]", "_"));
	}

	private static String cellText(String text) {
		return text.replace("|", "\\|").replace("\n", " ");
	}

}
