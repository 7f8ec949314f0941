package dev.runbookshell.report;

/** Durations as a person reads them: {@code 850 ms}, {@code 3.2 s}, {@code 4 min 05 s}, {@code 1 h 02 min}. */
final class HumanDuration {

	private HumanDuration() {
	}

	static String of(long ms) {
		if (ms < 1000) {
			return ms + " ms";
		}
		if (ms < 60_000) {
			return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
		}
		long seconds = ms / 1000;
		if (seconds < 3600) {
			return String.format(java.util.Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
		}
		return String.format(java.util.Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
	}

	static String of(java.time.Duration duration) {
		return of(duration.toMillis());
	}

}
