package dev.runbookshell.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.runbookshell.journal.JournalFold.Attempt;

/**
 * The run as an asciicast v2 recording (asciinema): a header line, then for each block start a marker
 * ({@code "m"}, the block's id and name) and the command echoed after a prompt, and the block's output at its
 * start plus its duration. Times are seconds from the session start and never decrease; line ends are CRLF as a
 * terminal expects.
 */
public final class CastReport implements ReportRenderer {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String PROMPT = "\u001B[1;32m$\u001B[0m ";

	private record Frame(double time, String kind, String data, int order) {
	}

	@Override
	public String render(Run run) {
		List<Frame> frames = new ArrayList<>();
		int order = 0;
		for (BlockRun block : run.blocks()) {
			for (Attempt attempt : block.attempts()) {
				if (attempt.startedAt() == null) {
					continue;
				}
				double start = seconds(run, attempt.startedAt());
				frames.add(new Frame(start, "m", block.label(), order++));
				String command = attempt.command() == null ? "" : attempt.command();
				frames.add(new Frame(start, "o", "\u001B[2m# " + block.label() + "\u001B[0m\r\n" + PROMPT
						+ crlf(command.stripTrailing()).replace("\r\n", "\r\n> ") + "\r\n", order++));
				if (attempt.finished() != null) {
					String output = crlf(attempt.finished().output() == null ? "" : attempt.finished().output());
					if (!output.isEmpty() && !output.endsWith("\r\n")) {
						output += "\r\n";
					}
					if (attempt.finished().outputFile() != null) {
						output += "[output shortened; full output in " + attempt.finished().outputFile() + "]\r\n";
					}
					String status = attempt.finished().status().wire();
					output += "\u001B[2m# " + status + "\u001B[0m\r\n";
					frames.add(new Frame(seconds(run, attempt.endAt()), "o", output, order++));
				}
			}
		}
		frames.sort(Comparator.comparingDouble(Frame::time).thenComparingInt(Frame::order));
		StringBuilder cast = new StringBuilder();
		cast.append(header(run)).append('\n');
		double last = 0;
		for (Frame frame : frames) {
			last = Math.max(last, frame.time());
			ArrayNode event = JSON.createArrayNode();
			event.add(Math.round(last * 1000) / 1000.0).add(frame.kind()).add(frame.data());
			cast.append(write(event)).append('\n');
		}
		return cast.toString();
	}

	private static String header(Run run) {
		ObjectNode header = JSON.createObjectNode();
		header.put("version", 2);
		header.put("width", 120);
		header.put("height", 40);
		header.put("timestamp", run.start().getEpochSecond());
		header.put("title", run.title() + " on " + run.targetName());
		header.putObject("env").put("SHELL", "/bin/bash").put("TERM", "xterm-256color");
		return write(header);
	}

	private static double seconds(Run run, Instant at) {
		return Math.max(0, at.toEpochMilli() - run.start().toEpochMilli()) / 1000.0;
	}

	private static String crlf(String text) {
		return text.replace("\r\n", "\n").replace("\n", "\r\n");
	}

	private static String write(Object node) {
		try {
			return JSON.writeValueAsString(node);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write asciicast", ex);
		}
	}

}
