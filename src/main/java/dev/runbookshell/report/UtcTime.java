package dev.runbookshell.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times in reports: always UTC, said so. */
final class UtcTime {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

	private UtcTime() {
	}

	/** {@code 2025-03-01 02:00:00 UTC}. */
	static String dateTime(Instant at) {
		return at == null ? "-" : DATE_TIME.format(at);
	}

	/** {@code 02:00:00}. */
	static String time(Instant at) {
		return at == null ? "-" : TIME.format(at);
	}

}
