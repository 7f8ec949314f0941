package dev.runbookshell.report;

import java.util.List;
import java.util.Locale;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.CheckState;
import dev.runbookshell.journal.JournalEvent.BlockFinished;
import dev.runbookshell.journal.JournalEvent.Check;
import dev.runbookshell.journal.JournalEvent.ExpectationResult;
import dev.runbookshell.journal.JournalEvent.Note;
import dev.runbookshell.journal.JournalEvent.SessionStarted;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalFold.Attempt;
import dev.runbookshell.journal.SessionStatus;
import dev.runbookshell.journal.WireName;
import dev.runbookshell.runbook.DurationText;

/**
 * The run as one self-contained HTML page (inline CSS and a few lines of inline JS, nothing fetched): header,
 * a timeline with one bar per block proportional to its duration, then each section's blocks with status colours
 * and collapsible output (each attempt's, when a block ran more than once), and buttons to show only failed or skipped blocks. All journal text is escaped.
 */
public final class HtmlReport implements ReportRenderer {

	private static final String STYLE = """
			body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1f2328;max-width:1100px}
			h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem;margin-top:2rem}
			table.meta td{padding:.15rem .8rem .15rem 0;vertical-align:top}table.meta td:first-child{font-weight:600}
			code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
			pre{background:#f6f8fa;padding:.6rem;overflow:auto;white-space:pre-wrap;word-break:break-all}
			.block{border:1px solid #d0d7de;border-left:6px solid #8c959f;border-radius:6px;padding:.5rem 1rem;margin:.8rem 0}
			.block h3{margin:.2rem 0;font-size:1.05rem}.facts{color:#57606a;font-size:.9rem}
			.badge{display:inline-block;padding:.05rem .5rem;border-radius:1rem;color:#fff;font-size:.8rem;font-weight:600}
			.s-succeeded{border-left-color:#1a7f37}.b-succeeded{background:#1a7f37}
			.s-failed{border-left-color:#cf222e}.b-failed{background:#cf222e}
			.s-timed-out{border-left-color:#bc4c00}.b-timed-out{background:#bc4c00}
			.s-skipped{border-left-color:#8c959f}.b-skipped{background:#8c959f}
			.s-interrupted{border-left-color:#8250df}.b-interrupted{background:#8250df}
			.s-unknown{border-left-color:#9a6700}.b-unknown{background:#9a6700}
			.s-succeeded-with-failures{border-left-color:#bf8700}.b-succeeded-with-failures{background:#bf8700}
			.attempt{margin-top:.6rem}.met{color:#1a7f37}.unmet{color:#cf222e;font-weight:600}.warned{color:#9a6700;font-weight:600}
			.timeline{position:relative;border:1px solid #d0d7de;border-radius:6px;padding:.4rem}
			.lane{position:relative;height:1.3rem;margin:.15rem 0}.lane .label{position:absolute;left:0;width:14rem;
			overflow:hidden;white-space:nowrap;text-overflow:ellipsis;font-size:.8rem;line-height:1.3rem}
			.lane .track{position:absolute;left:14.5rem;right:0;top:0;bottom:0;background:#f6f8fa}
			.bar{position:absolute;top:.15rem;bottom:.15rem;min-width:2px;border-radius:2px}
			.filters{margin:.8rem 0}.filters button{margin-right:.4rem;padding:.25rem .7rem;border:1px solid #d0d7de;border-radius:6px;background:#f6f8fa;cursor:pointer}
			.filters button.on{background:#0969da;color:#fff;border-color:#0969da}
			.hidden{display:none}table.summary{border-collapse:collapse}
			table.summary td,table.summary th{border:1px solid #d0d7de;padding:.2rem .6rem;text-align:left}
			""";

	private static final String SCRIPT = """
			function show(kind){
			  document.querySelectorAll('.filters button').forEach(function(b){b.classList.toggle('on',b.dataset.kind===kind);});
			  document.querySelectorAll('.block').forEach(function(el){
			    var s=el.dataset.status, visible=kind==='all'||(kind==='problems'?el.dataset.problem==='true':s===kind);
			    el.classList.toggle('hidden',!visible);});
			  document.querySelectorAll('section.group').forEach(function(g){
			    g.classList.toggle('hidden',kind!=='all'&&!g.querySelector('.block:not(.hidden)'));});
			  if(history.replaceState){history.replaceState(null,'',kind==='all'?location.pathname:'#show='+kind);}
			}
			var wanted=/^#show=(problems|skipped)$/.exec(location.hash);if(wanted){show(wanted[1]);}
			""";

	@Override
	public String render(Run run) {
		StringBuilder html = new StringBuilder(16 * 1024);
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Migration Log: ")
			.append(esc(run.title()))
			.append("</title>\n<style>")
			.append(STYLE)
			.append("</style>\n</head><body>\n");
		html.append("<h1>Migration Log: ").append(esc(run.title())).append("</h1>\n");
		meta(run, html);
		timeline(run, html);
		html.append("<div class=\"filters\">Show: ");
		button(html, "all", "All blocks", true);
		button(html, "problems", "Failed", false);
		button(html, "skipped", "Skipped", false);
		html.append("</div>\n");
		for (String section : SectionOrder.of(run)) {
			html.append("<section class=\"group\"><h2>").append(esc(run.sectionLabel(section))).append("</h2>\n");
			for (BlockRun block : run.blocksBySection().getOrDefault(section, List.of())) {
				block(run, block, html);
			}
			checks(run, section, html);
			html.append("</section>\n");
		}
		summary(run, html);
		html.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
		return html.toString();
	}

	private static void meta(Run run, StringBuilder html) {
		html.append("<table class=\"meta\">\n");
		SessionStarted s = run.started();
		if (s != null && s.runbook() != null) {
			metaRow(html, "Runbook", esc(s.runbook().path()) + " <code>sha256 " + esc(s.runbook().sha256()) + "</code>");
		}
		if (s != null && s.target() != null) {
			metaRow(html, "Target", esc(s.target().name()) + " <code>" + esc(s.target().uri()) + "</code> fingerprint <code>"
					+ esc(s.target().fingerprint()) + "</code>");
		}
		if (s != null) {
			metaRow(html, "Operator", esc(s.operator()) + " on " + esc(s.host()) + " (" + esc(WireName.of(s.mode())) + ")");
		}
		metaRow(html, "Started", UtcTime.dateTime(run.start()));
		metaRow(html, "Ended", run.finishedCleanly() ? UtcTime.dateTime(run.end()) : "not finished");
		metaRow(html, "Duration", esc(DurationText.report(run.elapsed())));
		metaRow(html, "Result", "<span class=\"badge b-" + badgeClass(run.status()) + "\">" + esc(run.result()) + "</span> "
				+ esc(run.countsText()));
		html.append("</table>\n");
	}

	private static void timeline(Run run, StringBuilder html) {
		long span = Math.max(1, run.elapsed().toMillis());
		html.append("<h2>Timeline</h2>\n<div class=\"timeline\">\n");
		for (BlockRun block : run.blocks()) {
			html.append("<div class=\"lane\"><span class=\"label\" title=\"").append(esc(block.label())).append("\">")
				.append(esc(block.label())).append("</span><span class=\"track\">");
			for (Attempt attempt : block.attempts()) {
				if (attempt.startedAt() == null || attempt.finished() == null) {
					continue;
				}
				double left = 100.0 * (attempt.startedAt().toEpochMilli() - run.start().toEpochMilli()) / span;
				double width = 100.0 * attempt.finished().durationMs() / span;
				html.append(String.format(Locale.ROOT,
						"<span class=\"bar b-%s\" style=\"left:%.2f%%;width:%.2f%%\" title=\"%s\"></span>",
						attempt.finished().status().wire(), Math.max(0, left), Math.min(100, width),
						esc(block.label() + ": " + attempt.finished().status().wire() + ", "
								+ DurationText.report(attempt.finished().durationMs()))));
			}
			html.append("</span></div>\n");
		}
		html.append("</div>\n");
	}

	private static void block(Run run, BlockRun block, StringBuilder html) {
		String status = block.status().wire();
		html.append("<div class=\"block s-").append(status).append("\" data-status=\"").append(status)
			.append("\" data-problem=\"").append(block.isProblem()).append("\" id=\"block-").append(esc(block.block().id()))
			.append("\">\n<h3>").append(esc(block.label())).append(" <span class=\"badge b-").append(status).append("\">")
			.append(esc(block.statusText())).append("</span></h3>\n<div class=\"facts\">");
		if (block.startedAt() == null) {
			html.append("not run");
		}
		else {
			html.append("started ").append(UtcTime.time(block.startedAt())).append(" · took ")
				.append(esc(DurationText.report(block.durationMs())));
		}
		if (block.exitCode() != null) {
			html.append(" · exit code ").append(block.exitCode());
		}
		if (!block.decisions().isEmpty()) {
			html.append(" · decision: ").append(esc(block.decisionText()));
		}
		html.append("</div>\n");
		List<Attempt> ran = block.ranAttempts();
		if (ran.size() < 2) {
			failedCommands(run, block.status(), block.failedCommands(), block.failedCount(), html);
		}
		for (ExpectationResult e : block.expectations()) {
			html.append("<div class=\"").append(e.met() ? "met" : "unmet").append("\">expectation ")
				.append(e.met() ? "met" : "NOT met").append(": <code>").append(esc(e.text())).append("</code></div>\n");
		}
		if (ran.size() < 2) {
			commandAndOutput(block.command(), block.finished(), block.isProblem(), run, html);
		}
		for (int i = 0; ran.size() > 1 && i < ran.size(); i++) {
			Attempt attempt = ran.get(i);
			BlockFinished finished = attempt.finished();
			html.append("<div class=\"attempt\"><strong>Attempt ").append(i + 1).append(" of ").append(ran.size())
				.append(":</strong> ").append(esc(BlockRun.statusText(attempt)));
			if (finished != null) {
				html.append(" · took ").append(esc(DurationText.report(finished.durationMs())))
					.append(finished.exitCode() == null ? "" : " · exit code " + finished.exitCode());
			}
			html.append("</div>\n");
			if (finished != null) {
				failedCommands(run, finished.status(), finished.failures(), finished.failureCount(), html);
			}
			commandAndOutput(attempt.command(), finished, finished == null || finished.status() != BlockStatus.SUCCEEDED,
					run, html);
		}
		for (Note note : block.notes()) {
			html.append("<p class=\"note\"><strong>Note:</strong> ").append(esc(note.text())).append("</p>\n");
		}
		html.append("</div>\n");
	}

	private static void failedCommands(Run run, BlockStatus status, List<JournalEvent.FailedCommand> failed,
			int failedCount, StringBuilder html) {
		boolean warning = status == BlockStatus.SUCCEEDED_WITH_FAILURES;
		for (JournalEvent.FailedCommand f : failed) {
			html.append("<div class=\"").append(warning ? "warned" : "unmet").append("\">")
				.append(warning ? "warning: went on after " : "failed command: ").append("<code>")
				.append(esc(f.describe(run.runbookFile()))).append("</code></div>\n");
		}
		if (failedCount > failed.size()) {
			html.append("<div class=\"unmet\">").append(failedCount - failed.size()).append(" more failed commands</div>\n");
		}
	}

	/** The command as it ran and its output folded ({@code open} when the reader has to look at it). */
	private static void commandAndOutput(String command, BlockFinished finished, boolean open, Run run,
			StringBuilder html) {
		if (command != null) {
			html.append("<pre class=\"command\">$ ").append(esc(command)).append("</pre>\n");
		}
		if (finished == null || finished.output() == null || finished.output().isEmpty()) {
			return;
		}
		FoldedOutput folded = FoldedOutput.of(finished, run);
		html.append("<details").append(open ? " open" : "").append("><summary>Output (")
			.append(finished.outputFile() != null ? "long, full output in " + esc(finished.outputFile())
					: lineCount(FoldedOutput.lines(TerminalText.plain(finished.output())).size()))
			.append(")</summary><pre class=\"output\">").append(esc(String.join("\n", folded.head())));
		if (folded.folded()) {
			html.append("\n<em>[… ").append(esc(folded.omitted())).append(" …]</em>\n")
				.append(esc(String.join("\n", folded.tail())));
		}
		html.append("</pre></details>\n");
	}

	private static void checks(Run run, String section, StringBuilder html) {
		List<Check> checks = run.checksIn(section);
		if (checks.isEmpty()) {
			return;
		}
		html.append("<ul class=\"checks\">\n");
		for (Check c : checks) {
			html.append("<li>").append(c.result() == CheckState.CHECKED ? "☑ " : "☐ ").append(esc(c.text())).append(" (")
				.append(esc(WireName.of(c.result()))).append(")");
			if (c.note() != null && !c.note().isEmpty()) {
				html.append(": ").append(esc(c.note()));
			}
			html.append("</li>\n");
		}
		html.append("</ul>\n");
	}

	private static void summary(Run run, StringBuilder html) {
		html.append("<h2>Summary</h2>\n<table class=\"summary\"><tr><th>Block</th><th>Decision</th><th>Status</th>"
				+ "<th>Exit</th><th>Duration</th></tr>\n");
		for (BlockRun block : run.blocks()) {
			html.append("<tr><td><a href=\"#block-").append(esc(block.block().id())).append("\">").append(esc(block.label()))
				.append("</a></td><td>").append(esc(block.decisionText())).append("</td><td>")
				.append(esc(block.outcomeText())).append("</td><td>").append(block.exitCode() == null ? "" : block.exitCode())
				.append("</td><td>").append(esc(DurationText.report(block.durationMs()))).append("</td></tr>\n");
		}
		html.append("</table>\n");
	}

	private static void button(StringBuilder html, String kind, String label, boolean on) {
		html.append("<button type=\"button\" data-kind=\"").append(kind).append("\"").append(on ? " class=\"on\"" : "")
			.append(" onclick=\"show('").append(kind).append("')\">").append(label).append("</button>");
	}

	private static void metaRow(StringBuilder html, String name, String valueHtml) {
		html.append("<tr><td>").append(name).append("</td><td>").append(valueHtml).append("</td></tr>\n");
	}

	private static String badgeClass(SessionStatus status) {
		return status == null ? "unknown" : switch (status) {
			case SUCCEEDED -> "succeeded";
			case FAILED -> "failed";
			case INTERRUPTED, STOPPED -> "interrupted";
		};
	}

	/** HTML-escapes text for element content and attribute values; control characters are dropped. */
	static String esc(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					if (c >= 0x20 || c == '\n' || c == '\t') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	private static String lineCount(int lines) {
		return lines + (lines == 1 ? " line" : " lines");
	}

}
