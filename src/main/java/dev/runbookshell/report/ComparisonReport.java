package dev.runbookshell.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.runbookshell.runbook.DurationText;

/** Renders a {@link RunComparison} (two journals) or a {@link FleetComparison} (two fleet runs) as Markdown or JSON. */
public final class ComparisonReport {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private static final String NOTE = "\nOutputs are compared masked, without terminal escapes, and with dates, times "
			+ "and epoch-like numbers ignored. Cut-over blocks are those annotated cutover=true; in a runbook that marks "
			+ "none, those whose name or section title says cutover, cut-over or downtime. The downtime estimate is the "
			+ "wall-clock time from the first one's start to the last one's end.\n";

	public String markdown(RunComparison c) {
		StringBuilder md = new StringBuilder();
		md.append("# Run comparison: ").append(MarkdownReport.inline(c.a().title())).append("\n\n");
		tables(c, md);
		return md.append(NOTE).toString();
	}

	/** Both fleet runs' hosts, what differs per host, then each host's comparison as for two journals. */
	public String markdown(FleetComparison c) {
		StringBuilder md = new StringBuilder();
		md.append("# Fleet comparison: ").append(MarkdownReport.inline(c.a().title())).append("\n\n");
		md.append("| | A | B |\n|---|---|---|\n");
		md.append("| Fleet index | `").append(c.a().indexFile().getFileName()).append("` | `")
			.append(c.b().indexFile().getFileName()).append("` |\n");
		md.append("| Started | ").append(MarkdownReport.inline(c.a().index().started())).append(" | ")
			.append(MarkdownReport.inline(c.b().index().started())).append(" |\n");
		md.append("| Hosts | ").append(c.a().hosts().size()).append(" | ").append(c.b().hosts().size()).append(" |\n\n");
		md.append("Hosts only in A: ").append(names(c.onlyInA())).append("  \nHosts only in B: ")
			.append(names(c.onlyInB())).append("\n\n| Host | Result A | Result B | Differs |\n|---|---|---|---|\n");
		for (FleetComparison.HostPair host : c.hosts()) {
			RunComparison run = host.comparison();
			md.append("| ").append(MarkdownReport.inline(host.name())).append(" | ")
				.append(run == null ? "-" : run.a().result()).append(" | ").append(run == null ? "-" : run.b().result())
				.append(" | ").append(MarkdownReport.inline(host.differences())).append(" |\n");
		}
		for (FleetComparison.HostPair host : c.hosts()) {
			if (host.comparison() != null) {
				md.append("\n## Host ").append(MarkdownReport.inline(host.name())).append("\n\n");
				tables(host.comparison(), md);
			}
		}
		return md.append(NOTE).toString();
	}

	private static String names(java.util.List<String> names) {
		return names.isEmpty() ? "(none)" : MarkdownReport.inline(String.join(", ", names));
	}

	/** The two runs, then one row per block. */
	private static void tables(RunComparison c, StringBuilder md) {
		md.append("| | A | B |\n|---|---|---|\n");
		md.append("| Journal | ").append(name(c.a())).append(" | ").append(name(c.b())).append(" |\n");
		md.append("| Target | ").append(MarkdownReport.inline(c.a().targetName())).append(" | ")
			.append(MarkdownReport.inline(c.b().targetName())).append(" |\n");
		md.append("| Started | ").append(UtcTime.dateTime(c.a().start())).append(" | ")
			.append(UtcTime.dateTime(c.b().start())).append(" |\n");
		md.append("| Result | ").append(c.a().result()).append(": ").append(c.a().countsText()).append(" | ")
			.append(c.b().result()).append(": ").append(c.b().countsText()).append(" |\n");
		md.append("| Total time | ").append(DurationText.report(c.a().elapsed())).append(" | ")
			.append(DurationText.report(c.b().elapsed())).append(" |\n");
		md.append("| Time in blocks | ").append(DurationText.report(c.a().blockMs())).append(" | ")
			.append(DurationText.report(c.b().blockMs())).append(" |\n");
		md.append("| Downtime estimate | ").append(downtime(c.downtimeA())).append(" | ")
			.append(downtime(c.downtimeB())).append(" |\n");
		if (c.runbooksDiffer()) {
			md.append("\nThe runbook changed between the runs (sha256 ").append(c.a().started().runbook().sha256())
				.append(" vs ").append(c.b().started().runbook().sha256()).append(").\n");
		}
		md.append("\n| Block | Status A | Status B | Duration A | Duration B | Output |\n|---|---|---|---|---|---|\n");
		for (RunComparison.Row row : c.rows()) {
			md.append("| ").append(MarkdownReport.inline(row.id() + " " + row.name()))
				.append(row.cutover() ? " (cut-over)" : "")
				.append(row.contentChanged() ? " (block changed)" : "")
				.append(" | ").append(status(row.a())).append(" | ").append(status(row.b()))
				.append(" | ").append(duration(row.a())).append(" | ").append(duration(row.b()))
				.append(" | ").append(row.outputDiffers() == null ? "-" : row.outputDiffers() ? "**differs**" : "same")
				.append(" |\n");
		}
	}

	public String json(RunComparison c) {
		return text(tree(c));
	}

	/** Both fleet runs' hosts, and per host in both what differs and its comparison as {@link #json(RunComparison)}. */
	public String json(FleetComparison c) {
		ObjectNode root = JSON.createObjectNode();
		root.put("title", c.a().title());
		fleet(root.putObject("a"), c.a());
		fleet(root.putObject("b"), c.b());
		c.onlyInA().forEach(root.putArray("onlyInA")::add);
		c.onlyInB().forEach(root.putArray("onlyInB")::add);
		ArrayNode hosts = root.putArray("hosts");
		for (FleetComparison.HostPair host : c.hosts()) {
			ObjectNode node = hosts.addObject().put("name", host.name()).put("differences", host.differences());
			if (host.comparison() == null) {
				node.put("problem", host.problem()).putNull("comparison");
			}
			else {
				node.set("comparison", tree(host.comparison()));
			}
		}
		return text(root);
	}

	private static void fleet(ObjectNode node, FleetReport fleet) {
		node.put("fleetIndex", fleet.indexFile().getFileName().toString());
		node.put("started", fleet.index().started());
		ObjectNode hosts = node.putObject("hosts");
		fleet.hosts().forEach(host -> hosts.put(host.host().name(), host.host().state().wire()));
	}

	private static ObjectNode tree(RunComparison c) {
		ObjectNode root = JSON.createObjectNode();
		root.put("title", c.a().title());
		root.put("runbooksDiffer", c.runbooksDiffer());
		run(root.putObject("a"), c.a(), c.downtimeA());
		run(root.putObject("b"), c.b(), c.downtimeB());
		ArrayNode blocks = root.putArray("blocks");
		for (RunComparison.Row row : c.rows()) {
			ObjectNode node = blocks.addObject().put("id", row.id()).put("name", row.name());
			node.put("statusA", row.a() == null ? null : row.a().status().wire());
			node.put("statusB", row.b() == null ? null : row.b().status().wire());
			node.put("durationMsA", row.a() == null ? null : row.a().durationMs());
			node.put("durationMsB", row.b() == null ? null : row.b().durationMs());
			node.put("outputDiffers", row.outputDiffers());
			node.put("contentChanged", row.contentChanged());
			node.put("cutover", row.cutover());
		}
		return root;
	}

	private static String text(ObjectNode root) {
		try {
			return JSON.writeValueAsString(root) + "\n";
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write comparison", ex);
		}
	}

	private static void run(ObjectNode node, Run run, RunComparison.Downtime downtime) {
		node.put("journal", run.journal().getFileName().toString());
		node.put("target", run.targetName());
		node.put("result", run.result());
		node.put("elapsedMs", run.elapsed().toMillis());
		node.put("blockDurationMs", run.blockMs());
		ObjectNode d = node.putObject("downtime");
		d.put("wallClockMs", downtime.wallClock().toMillis());
		d.put("inBlocksMs", downtime.inBlocksMs());
		downtime.blockIds().forEach(d.putArray("blocks")::add);
	}

	private static String name(Run run) {
		return "`" + run.journal().getFileName() + "`";
	}

	private static String status(BlockRun block) {
		return block == null ? "(not run)" : block.outcomeText();
	}

	private static String duration(BlockRun block) {
		return block == null ? "" : DurationText.report(block.durationMs());
	}

	private static String downtime(RunComparison.Downtime downtime) {
		if (!downtime.known()) {
			return "no cut-over blocks found";
		}
		return DurationText.report(downtime.wallClock()) + " (" + DurationText.report(downtime.inBlocksMs()) + " in blocks "
				+ String.join(", ", downtime.blockIds()) + ")";
	}

}
