package dev.runbookshell.runbook;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as operators write them: {@code 90}, {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 500ms}. */
public final class DurationText {

	private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

	private DurationText() {
	}

	public static Duration parse(String text) {
		String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
		if (t.matches("\\d+")) {
			return Duration.ofSeconds(Long.parseLong(t));
		}
		Matcher m = PART.matcher(t);
		Duration total = Duration.ZERO;
		int end = 0;
		while (m.find()) {
			if (m.start() != end) {
				break;
			}
			long n = Long.parseLong(m.group(1));
			total = total.plus(switch (m.group(2)) {
				case "ms" -> Duration.ofMillis(n);
				case "s" -> Duration.ofSeconds(n);
				case "m" -> Duration.ofMinutes(n);
				case "h" -> Duration.ofHours(n);
				default -> Duration.ofDays(n);
			});
			end = m.end();
		}
		if (end != t.length() || t.isEmpty()) {
			throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 90s, 5m, 1h30m)");
		}
		return total;
	}

}
