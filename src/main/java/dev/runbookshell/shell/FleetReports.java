package dev.runbookshell.shell;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.runbookshell.fleet.FleetException;
import dev.runbookshell.report.FleetReport;

/** {@code report FLEET_INDEX}: the fleet's matrix (md, html) or its hosts' JUnit suites. */
final class FleetReports {

	private FleetReports() {
	}

	static byte[] render(Path index, String format, String compare, String verify) {
		if (compare != null && !compare.isBlank() || verify != null) {
			throw CliException.usage("--compare and --verify take a host's journal, not a fleet index (" + index
					+ " names each host's journal)");
		}
		FleetReport report;
		try {
			report = FleetReport.of(index);
		}
		catch (FleetException ex) {
			throw CliException.usage(ex.getMessage());
		}
		String text = switch (format) {
			case "md" -> report.markdown();
			case "html" -> report.html();
			case "junit" -> report.junit();
			default -> throw CliException.usage("a fleet index is reported as md, html or junit, not '" + format
					+ "' (each host's journal takes every format)");
		};
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
