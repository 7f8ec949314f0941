package dev.runbookshell.shell;

import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.runbookshell.fleet.FleetException;
import dev.runbookshell.fleet.FleetIndexFile;
import dev.runbookshell.fleet.HostState;
import dev.runbookshell.journal.JournalReader;
import dev.runbookshell.report.ComparisonReport;
import dev.runbookshell.report.FleetComparison;
import dev.runbookshell.report.FleetReport;

/**
 * {@code report FLEET_INDEX}: the fleet's matrix (md, html), its hosts' JUnit suites, or JSON; with
 * {@code --compare FLEET_INDEX2}, the two fleet runs host by host (md, json).
 */
final class FleetReports {

	/** The states of a host that had no session, so no journal. */
	private static final Set<HostState> NEVER_STARTED = EnumSet.of(HostState.NOT_RUN, HostState.UNREACHABLE,
			HostState.REFUSED);

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
			if (compare != null && !compare.isBlank() && FleetIndexFile.isIndex(Path.of(compare))) {
				verifyEveryHost(load(Path.of(compare)), Path.of(verify), err);
			}
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
			if (host.host().journal() == null && NEVER_STARTED.contains(host.host().state())) {
				continue; // there is nothing of it to prove (the index is not signed: its state is its word)
			}
			if (host.host().journal() == null) {
				unproven.add(host.host().name() + ": the index names no journal for it, though it is "
						+ host.host().state().wire());
				continue;
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
