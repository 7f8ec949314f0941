package dev.runbookshell.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

/**
 * Outside the interactive shell there is no JLine terminal to catch Ctrl-C, so SIGINT is caught here: a running
 * block is interrupted (its command reports the outcome and exits 130); with nothing running the tool exits 130.
 */
final class OneShotSignals {

	private static final Logger log = LoggerFactory.getLogger(OneShotSignals.class);

	private OneShotSignals() {
	}

	static void relayInterruptsTo(InterruptRelay relay) {
		try {
			Signal.handle(new Signal("INT"), signal -> {
				if (!relay.fire()) {
					Runtime.getRuntime().halt(ExitCode.INTERRUPTED.code());
				}
			});
		}
		catch (IllegalArgumentException ex) {
			log.debug("SIGINT cannot be handled on this JVM", ex);
		}
	}

}
