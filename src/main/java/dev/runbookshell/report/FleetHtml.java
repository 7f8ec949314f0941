package dev.runbookshell.report;

import java.util.List;

import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalFold.Attempt;
import dev.runbookshell.report.FleetReport.HostRun;
import dev.runbookshell.runbook.DurationText;

/**
 * A fleet's matrix as one self-contained HTML page: a cell links to the host's block below it, where each attempt
 * of the block (a retry on the failed hosts is a second one) shows its outcome, its command and its output.
 */
final class FleetHtml {

	private FleetHtml() {
	}

	static String of(FleetReport report) {
		List<HostRun> hosts = report.hosts();
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<title>Fleet run: " + HtmlReport.esc(report.title()) + "</title><style>"
				+ "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
				+ "padding:.3em .6em}.succeeded{background:#dfd}.failed,.unknown,.timed-out{background:#fdd}"
				+ ".skipped,.stopped{background:#eee}.interrupted{background:#fed}pre{background:#f6f6f6;padding:.5em;"
				+ "overflow:auto}</style></head><body>\n");
		html.append("<h1>Fleet run: ").append(HtmlReport.esc(report.title())).append("</h1>\n<p>Runbook <code>")
			.append(HtmlReport.esc(report.index().runbook())).append("</code>, started ")
			.append(HtmlReport.esc(report.index().started())).append(", ").append(hosts.size()).append(" hosts</p>\n");
		html.append("<table><tr><th>Block</th>");
		hosts.forEach(host -> html.append("<th><a href=\"#").append(anchor(host, null)).append("\">")
			.append(HtmlReport.esc(host.host().name())).append("</a></th>"));
		html.append("</tr>\n");
		report.blocks().forEach((id, label) -> {
			html.append("<tr><td>").append(HtmlReport.esc(label)).append("</td>");
			for (HostRun host : hosts) {
				BlockRun block = FleetReport.block(host, id);
				html.append(block == null ? "<td>-</td>"
						: "<td class=\"" + block.status().wire() + "\"><a href=\"#" + anchor(host, id) + "\">"
								+ HtmlReport.esc(FleetReport.cell(block)) + "</a></td>");
			}
			html.append("</tr>\n");
		});
		html.append("<tr><th>host</th>");
		hosts.forEach(host -> html.append("<th class=\"").append(host.host().state().wire()).append("\">")
			.append(host.host().state().wire()).append("</th>"));
		html.append("</tr></table>\n");
		for (HostRun host : hosts) {
			html.append("<h2 id=\"").append(anchor(host, null)).append("\">").append(HtmlReport.esc(host.host().name()))
				.append(" <small>").append(HtmlReport.esc(host.host().uri())).append(" · ")
				.append(host.host().state().wire()).append("</small></h2>\n");
			if (host.run() == null) {
				html.append("<p>").append(HtmlReport.esc(host.problem())).append("</p>\n");
				continue;
			}
			for (BlockRun block : host.run().blocks()) {
				html.append("<details id=\"").append(anchor(host, block.block().id())).append("\"><summary>")
					.append(HtmlReport.esc(block.label())).append(": ").append(HtmlReport.esc(FleetReport.cell(block)))
					.append("</summary>");
				List<Attempt> ran = block.ranAttempts();
				if (ran.size() < 2) {
					detail(html, block.command(), block.finished());
				}
				for (int i = 0; ran.size() > 1 && i < ran.size(); i++) {
					Attempt attempt = ran.get(i);
					html.append("<p>Attempt ").append(i + 1).append(" of ").append(ran.size()).append(": ")
						.append(HtmlReport.esc(BlockRun.outcome(attempt)))
						.append(attempt.finished() == null ? ""
								: ", took " + HtmlReport.esc(DurationText.report(attempt.finished().durationMs())))
						.append("</p>");
					detail(html, attempt.command(), attempt.finished());
				}
				html.append("</details>\n");
			}
		}
		return html.append("</body></html>\n").toString();
	}

	private static void detail(StringBuilder html, String command, BlockFinished finished) {
		html.append("<pre>").append(HtmlReport.esc(command == null ? "" : command)).append("</pre>");
		String output = finished == null ? null : finished.output();
		if (output != null && !output.isEmpty()) {
			html.append("<pre>").append(HtmlReport.esc(TerminalText.plain(output))).append("</pre>");
		}
	}

	private static String anchor(HostRun host, String block) {
		String name = host.host().name().replaceAll("[^A-Za-z0-9_-]", "_");
		return "host-" + name + (block == null ? "" : "-" + block.replaceAll("[^A-Za-z0-9_-]", "_"));
	}

}
