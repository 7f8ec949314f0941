package dev.runbookshell.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

/**
 * Outside the interactive shell there is no JLine terminal to catch Ctrl-C, so SIGINT is caught here: a running
 * block is interrupted (its command reports the outcome and exits 130); with nothing running the tool exits 130.
 * SIGTERM and SIGHUP end the open session cleanly, in the shell too ({@link #endSessionsOn}).
 */
final class OneShotSignals {

	private static final Logger log = LoggerFactory.getLogger(OneShotSignals.class);

	/** How long a command that ends by itself after a signal is given to print and exit. */
	private static final java.time.Duration COMMAND_END = java.time.Duration.ofSeconds(5);

	private OneShotSignals() {
	}

	/**
	 * SIGTERM and SIGHUP end the open session (the running block stopped, the session recorded as interrupted)
	 * and the tool with exit code 130. When the session's command ends by itself it is given a few seconds to
	 * print its summary.
	 * @param commandThread the thread that runs the command, null in the interactive shell
	 */
	static void endSessionsOn(InterruptRelay relay, Thread commandThread) {
		for (String name : new String[] { "TERM", "HUP" }) {
			try {
				Signal.handle(new Signal(name), signal -> {
					Boolean endsItself = relay.end("terminated by SIG" + name);
					if (Boolean.TRUE.equals(endsItself) && commandThread != null) {
						try {
							commandThread.join(COMMAND_END.toMillis());
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}
					Runtime.getRuntime().exit(ExitCode.INTERRUPTED.code());
				});
			}
			catch (IllegalArgumentException ex) {
				log.debug("SIG{} cannot be handled on this JVM", name, ex);
			}
		}
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
