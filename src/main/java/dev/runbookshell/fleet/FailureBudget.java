package dev.runbookshell.fleet;

/**
 * {@code --max-fail P%}: how many of the fleet's hosts may fail before it stops (before the next block or
 * batch). 0% (the default) stops at the first failed host; 100% never stops for failures.
 *
 * @param percent the share of all hosts that may fail
 */
public record FailureBudget(int percent) {

	public static final FailureBudget NONE = new FailureBudget(0);

	/** {@code 10%} or {@code 10}; null for {@link #NONE}. */
	public static FailureBudget parse(String text) {
		if (text == null || text.isBlank()) {
			return NONE;
		}
		String value = text.trim();
		value = value.endsWith("%") ? value.substring(0, value.length() - 1).trim() : value;
		try {
			int percent = Integer.parseInt(value);
			if (percent >= 0 && percent <= 100) {
				return new FailureBudget(percent);
			}
		}
		catch (NumberFormatException ex) {
			// refused below with the value as given
		}
		throw new FleetException("--max-fail " + text + ": not a percentage from 0% to 100%");
	}

	/** How many failed hosts the fleet of {@code hosts} tolerates. */
	public int allowed(int hosts) {
		return hosts * this.percent / 100;
	}

	public boolean exceeded(int failed, int hosts) {
		return failed > allowed(hosts);
	}

}
