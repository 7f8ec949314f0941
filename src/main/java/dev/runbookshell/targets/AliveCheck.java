package dev.runbookshell.targets;

import java.time.Duration;
import java.util.Map;

/**
 * How a remote link is watched while a block runs: every {@code interval} the transport asks the peer for an
 * answer (an SSH keep-alive request, a Docker engine ping); after {@code maxMissed} unanswered ones in a row the
 * link counts as lost, so a peer that stopped answering ends the block as
 * {@link ExecResult.Outcome#CONNECTION_LOST} within {@link #detectionBound()} instead of hanging.
 *
 * @param interval time between two probes, whole seconds (sshj's unit)
 * @param maxMissed unanswered probes in a row after which the link is lost
 */
public record AliveCheck(Duration interval, int maxMissed) {

	/** The target option for the interval, in seconds. */
	public static final String INTERVAL_OPTION = "keep-alive";

	/** The target option for the number of unanswered probes. */
	public static final String MAX_MISSED_OPTION = "keep-alive-max";

	/** 5 s and 4 missed: a stalled link is found 20 to 25 s after it stopped answering. */
	public static final AliveCheck DEFAULT = new AliveCheck(Duration.ofSeconds(5), 4);

	public AliveCheck {
		if (interval.toSeconds() < 1 || interval.toNanos() % 1_000_000_000L != 0) {
			throw new IllegalArgumentException(INTERVAL_OPTION + " is whole seconds, at least 1, not " + interval);
		}
		if (maxMissed < 1) {
			throw new IllegalArgumentException(MAX_MISSED_OPTION + " is at least 1, not " + maxMissed);
		}
	}

	/**
	 * Reads {@value #INTERVAL_OPTION} and {@value #MAX_MISSED_OPTION} from a target's options, defaults for
	 * those not given.
	 * @throws IllegalArgumentException naming the option and its value when it is not a positive whole number
	 */
	public static AliveCheck of(Map<String, String> options) {
		return new AliveCheck(Duration.ofSeconds(number(options, INTERVAL_OPTION, DEFAULT.interval.toSeconds())),
				(int) number(options, MAX_MISSED_OPTION, DEFAULT.maxMissed));
	}

	private static long number(Map<String, String> options, String key, long fallback) {
		String value = options.get(key);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			long number = Long.parseLong(value.strip());
			if (number >= 1 && number <= Integer.MAX_VALUE) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below with the option's name
		}
		throw new IllegalArgumentException(key + " must be a whole number of at least 1"
				+ (key.equals(INTERVAL_OPTION) ? " (seconds)" : "") + ", not '" + value + "'");
	}

	/** The longest a stalled link goes unnoticed: the probes that go unanswered, and the wait for the first. */
	public Duration detectionBound() {
		return this.interval.multipliedBy(this.maxMissed + 1L);
	}

	/** {@code no answer to 4 keep-alives 5 s apart}, for the message of a lost link; {@code probe} singular. */
	public String unanswered(String probe) {
		return "no answer to " + this.maxMissed + " " + probe + (this.maxMissed == 1 ? "" : "s") + " "
				+ this.interval.toSeconds() + " s apart";
	}

}
