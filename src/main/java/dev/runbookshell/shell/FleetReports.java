package dev.runbookshell.shell;

import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.runbookshell.fleet.FleetException;
import dev.runbookshell.fleet.FleetIndexFile;
import dev.runbookshell.journal.JournalReader;
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

	/**
	 * @param verify an allowed_signers file: each host's journal must be wholly signed by one of them, else
	 * nothing is rendered (exit 1 naming the host)
	 */
	static byte[] render(Path index, String format, String compare, String verify, PrintWriter err) {
		FleetReport report = load(index);
		if (verify != null) {
			verifyEveryHost(report, Path.of(verify), err);
		}
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

	private static void verifyEveryHost(FleetReport report, Path allowedSigners, PrintWriter err) {
		List<String> unproven = new ArrayList<>();
		for (FleetReport.HostRun host : report.hosts()) {
			if (host.host().journal() == null) {
				continue; // never started: there is nothing of it to prove
			}
			if (host.run() == null) {
				unproven.add(host.host().name() + ": " + host.problem());
				continue;
			}
			err.println(host.host().name() + ":");
			err.flush();
			try {
				JournalVerification.Verified verified = JournalVerification.verify(
						new JournalReader().read(host.run().journal()), allowedSigners, err);
				if (verified.shortfall() != null) {
					unproven.add(host.host().name() + ": " + verified.shortfall());
				}
			}
			catch (CliException ex) {
				if (ex.exitCode() != ExitCode.FAILED) {
					throw ex;
				}
				unproven.add(host.host().name() + ": " + ex.getMessage());
			}
		}
		if (!unproven.isEmpty()) {
			throw CliException.failed("not every host's journal is proven, so the fleet is not reported: "
					+ String.join("; ", unproven));
		}
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
