package dev.runbookshell.runbook;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them ({@code 90}, {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 500ms}), and as the
 * tool writes them for people: in reports, on the terminal, in journal messages.
 */
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

	/** {@code 850 ms}, {@code 3.2 s}, {@code 4 min 05 s}, {@code 1 h 02 min}: in reports. */
	public static String report(long millis) {
		return format(millis, Style.REPORT);
	}

	/** As {@link #report(long)}. */
	public static String report(Duration duration) {
		return format(duration.toMillis(), Style.REPORT);
	}

	/** {@code 850ms}, {@code 3.2s}, {@code 4m05s}: on the terminal, beside a running block. */
	public static String terminal(Duration duration) {
		return format(duration.toMillis(), Style.TERMINAL);
	}

	/** {@code 53 s}, {@code 2 min 05 s}: whole seconds, in journal messages. */
	public static String seconds(Duration duration) {
		return format(duration.toMillis(), Style.SECONDS);
	}

	private enum Style {

		REPORT, TERMINAL, SECONDS

	}

	private static String format(long millis, Style style) {
		boolean compact = style == Style.TERMINAL;
		if (millis < 1000 && style != Style.SECONDS) {
			return millis + (compact ? "ms" : " ms");
		}
		if (millis < 60_000) {
			return style == Style.SECONDS ? millis / 1000 + " s"
					: String.format(java.util.Locale.ROOT, compact ? "%.1fs" : "%.1f s", millis / 1000.0);
		}
		long seconds = millis / 1000;
		if (compact) {
			return String.format(java.util.Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
		}
		if (seconds < 3600 || style == Style.SECONDS) {
			return String.format(java.util.Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
		}
		return String.format(java.util.Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
	}

}
