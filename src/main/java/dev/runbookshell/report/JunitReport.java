package dev.runbookshell.report;

import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEvent.ExpectationResult;
import dev.runbookshell.journal.JournalEvent.SessionStarted;
import dev.runbookshell.runbook.DurationText;
import dev.runbookshell.journal.WireName;

/**
 * The run as JUnit XML for CI: one {@code <testsuite>} (name = runbook title, hostname = target), one
 * {@code <testcase>} per block (classname = section path, name = {@code "id name"}); failed, timed-out and
 * unknown blocks carry a {@code <failure>}, interrupted ones an {@code <error>}, skipped ones {@code <skipped/>}, and
 * so do stopped ones (a block that follows output, ended by the operator or its timeout, as it is meant to end:
 * neither a pass nor a failure, and the session goes on) and those the session ended before they started;
 * the masked output goes to {@code <system-out>} as CDATA, and a block run more than once names each attempt's
 * outcome on {@code <system-err>}. Follows the common (Ant/Jenkins) JUnit schema.
 */
public final class JunitReport implements ReportRenderer {

	// the common schema's timestamp has no zone: it is UTC here
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	@Override
	public String render(Run run) {
		return document(xml -> suite(run, xml));
	}

	/** Several runs (a fleet's hosts) as one {@code <testsuites>}, one {@code <testsuite>} per run. */
	public String renderSuites(List<Run> runs) {
		return document(xml -> {
			xml.writeStartElement("testsuites");
			for (Run run : runs) {
				xml.writeCharacters("\n");
				suite(run, xml);
			}
			xml.writeCharacters("\n");
			xml.writeEndElement();
		});
	}

	/** What {@code body} writes, as an XML document on its own lines. */
	private static String document(XmlBody body) {
		StringWriter text = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			body.write(xml);
			xml.writeCharacters("\n");
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("cannot write JUnit XML: " + ex.getMessage(), ex);
		}
		return text.toString();
	}

	@FunctionalInterface
	private interface XmlBody {

		void write(XMLStreamWriter xml) throws XMLStreamException;

	}

	private static void suite(Run run, XMLStreamWriter xml) throws XMLStreamException {
		Map<BlockStatus, Integer> counts = run.counts();
		int failures = counts.get(BlockStatus.FAILED) + counts.get(BlockStatus.TIMED_OUT)
				+ counts.get(BlockStatus.UNKNOWN);
		xml.writeStartElement("testsuite");
		xml.writeAttribute("name", safe(run.title()));
		xml.writeAttribute("tests", String.valueOf(run.blocks().size()));
		xml.writeAttribute("failures", String.valueOf(failures));
		xml.writeAttribute("errors", String.valueOf(counts.get(BlockStatus.INTERRUPTED)));
		xml.writeAttribute("skipped", String.valueOf(counts.get(BlockStatus.SKIPPED) + counts.get(BlockStatus.STOPPED)
				+ counts.get(BlockStatus.NOT_RUN)));
		xml.writeAttribute("time", seconds(run.elapsed().toMillis()));
		xml.writeAttribute("timestamp", TIMESTAMP.format(run.start()));
		xml.writeAttribute("hostname", safe(run.targetName()));
		properties(run, xml);
		for (BlockRun block : run.blocks()) {
			testcase(run, block, xml);
		}
		xml.writeCharacters("\n");
		xml.writeEndElement();
	}

	private static void properties(Run run, XMLStreamWriter xml) throws XMLStreamException {
		xml.writeCharacters("\n  ");
		xml.writeStartElement("properties");
		SessionStarted s = run.started();
		if (s != null) {
			if (s.runbook() != null) {
				property(xml, "runbook.path", s.runbook().path());
				property(xml, "runbook.sha256", s.runbook().sha256());
			}
			if (s.target() != null) {
				property(xml, "target.uri", s.target().uri());
				property(xml, "target.fingerprint", s.target().fingerprint());
			}
			property(xml, "operator", s.operator());
			property(xml, "mode", WireName.of(s.mode()));
		}
		property(xml, "result", run.result());
		xml.writeCharacters("\n  ");
		xml.writeEndElement();
	}

	private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
		xml.writeCharacters("\n    ");
		xml.writeEmptyElement("property");
		xml.writeAttribute("name", name);
		xml.writeAttribute("value", safe(value == null ? "" : value));
	}

	private static void testcase(Run run, BlockRun block, XMLStreamWriter xml) throws XMLStreamException {
		xml.writeCharacters("\n  ");
		xml.writeStartElement("testcase");
		xml.writeAttribute("name", safe(block.label()));
		xml.writeAttribute("classname", safe(run.sectionPath(block.section())));
		xml.writeAttribute("time", seconds(block.durationMs()));
		BlockStatus status = block.status();
		switch (status) {
			case SKIPPED -> {
				xml.writeCharacters("\n    ");
				xml.writeEmptyElement("skipped");
				xml.writeAttribute("message", "skipped by decision: " + safe(block.decisionText()));
			}
			case FAILED, TIMED_OUT, UNKNOWN -> problem(xml, "failure", status, block, run);
			case INTERRUPTED -> problem(xml, "error", status, block, run);
			// a block that follows output has no verdict of its own: never a pass, and no failure either
			case STOPPED, NOT_RUN -> {
				xml.writeCharacters("\n    ");
				xml.writeEmptyElement("skipped");
				xml.writeAttribute("message", safe(message(status, block, run)));
			}
			default -> {
			}
		}
		String output = TerminalText.plain(block.output());
		if (!output.isEmpty()) {
			xml.writeCharacters("\n    ");
			xml.writeStartElement("system-out");
			cdata(xml, safe(output) + (block.outputFile() == null ? ""
					: "\n[output shortened; full output in " + block.outputFile() + "]\n"));
			xml.writeEndElement();
		}
		// JUnit has no warning: the test passes, and what failed inside it (or in an earlier attempt) is on
		// system-err, which the schema puts after system-out
		String err = block.ranAttempts().size() > 1 ? "ran " + block.ranAttempts().size() + " times: "
				+ block.attemptsText() + "\n" : "";
		if (status == BlockStatus.SUCCEEDED_WITH_FAILURES) {
			err += block.statusText() + " (errexit=false):\n" + failedLines(block, run);
		}
		if (!err.isEmpty()) {
			xml.writeCharacters("\n    ");
			xml.writeStartElement("system-err");
			cdata(xml, safe(err));
			xml.writeEndElement();
		}
		xml.writeCharacters("\n  ");
		xml.writeEndElement();
	}

	private static void problem(XMLStreamWriter xml, String element, BlockStatus status, BlockRun block, Run run)
			throws XMLStreamException {
		xml.writeCharacters("\n    ");
		xml.writeStartElement(element);
		xml.writeAttribute("message", safe(message(status, block, run)));
		xml.writeAttribute("type", status.wire());
		List<ExpectationResult> unmet = block.expectations().stream().filter(e -> !e.met()).toList();
		String details = failedLines(block, run) + unmet.stream()
			.map(e -> "expectation not met: " + e.text())
			.collect(Collectors.joining("\n"));
		if (!details.isEmpty()) {
			xml.writeCharacters(safe(details));
		}
		xml.writeEndElement();
	}

	/** One line per failed command ({@code deploy.md:57: `x` exited 127 (command not found)}), each ending in \n. */
	private static String failedLines(BlockRun block, Run run) {
		StringBuilder lines = new StringBuilder();
		block.failedCommands().forEach(f -> lines.append("failed command: ").append(f.describe(run.runbookFile()))
			.append('\n'));
		if (block.failedCount() > block.failedCommands().size()) {
			lines.append(block.failedCount() - block.failedCommands().size()).append(" more failed commands\n");
		}
		return lines.toString();
	}

	private static String message(BlockStatus status, BlockRun block, Run run) {
		return switch (status) {
			case FAILED -> block.failedCommands().isEmpty()
					? "failed" + (block.exitCode() == null ? "" : " with exit code " + block.exitCode())
					: "failed at " + block.failedCommands().get(0).describe(run.runbookFile());
			case TIMED_OUT -> "timed out after " + DurationText.report(block.durationMs());
			case INTERRUPTED -> "interrupted";
			case NOT_RUN -> "not run: decided on, and the session ended before it started";
			case STOPPED -> "stopped after " + DurationText.report(block.durationMs())
					+ " (it follows output and was ended by the operator or its timeout, not run to its end)";
			default -> "outcome unknown (the session ended while the block ran)";
		};
	}

	/** CDATA cannot hold "]]>": split it across two sections. */
	private static void cdata(XMLStreamWriter xml, String text) throws XMLStreamException {
		String[] parts = text.split("]]>", -1);
		for (int i = 0; i < parts.length; i++) {
			xml.writeCData((i > 0 ? ">" : "") + parts[i] + (i < parts.length - 1 ? "]]" : ""));
		}
	}

	private static String seconds(long ms) {
		return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
	}

	/** Drops characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF). */
	static String safe(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			}
			else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE)) {
				out.append(c);
			}
		}
		return out.toString();
	}

}
