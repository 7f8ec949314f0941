package dev.runbookshell.shell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.runbookshell.fleet.FleetException;
import dev.runbookshell.fleet.FleetIndexFile;
import dev.runbookshell.report.ComparisonReport;
import dev.runbookshell.report.FleetComparison;
import dev.runbookshell.report.FleetReport;

/**
 * {@code report FLEET_INDEX}: the fleet's matrix (md, html), its hosts' JUnit suites, or JSON; with
 * {@code --compare FLEET_INDEX2}, the two fleet runs host by host (md, json).
 */
final class FleetReports {

	private FleetReports() {
	}

	static byte[] render(Path index, String format, String compare, String verify) {
		if (verify != null) {
			throw CliException.usage("--verify takes a host's journal, not a fleet index (" + index
					+ " names each host's journal)");
		}
		FleetReport report = load(index);
		if (compare != null && !compare.isBlank()) {
			return compare(report, Path.of(compare), format).getBytes(StandardCharsets.UTF_8);
		}
		String text = switch (format) {
			case "md" -> report.markdown();
			case "html" -> report.html();
			case "junit" -> report.junit();
			case "json" -> report.json();
			default -> throw CliException.usage("a fleet index is reported as md, html, junit or json, not '" + format
					+ "' (each host's journal takes every format)");
		};
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String compare(FleetReport a, Path other, String format) {
		if (!FleetIndexFile.isIndex(other)) {
			throw CliException.usage("--compare of a fleet index takes a second fleet index, not " + other
					+ " (to compare two hosts, give their journals: report LOG --compare LOG2)");
		}
		FleetComparison comparison = FleetComparison.of(a, load(other));
		return switch (format) {
			case "md" -> new ComparisonReport().markdown(comparison);
			case "json" -> new ComparisonReport().json(comparison);
			default -> throw CliException.usage("--compare writes md or json, not '" + format + "'");
		};
	}

	private static FleetReport load(Path index) {
		try {
			return FleetReport.of(index);
		}
		catch (FleetException ex) {
			throw CliException.usage(ex.getMessage());
		}
	}

}
