package dev.runbookshell.session;

/**
 * Where the walk through a runbook's flow is. A stop by a decision lasts until the walk is told to go on; an
 * interrupt that stopped the session outlasts that (the session ends interrupted), and a signal ends it for good.
 */
enum WalkState {

	/** Each block is offered before it runs. */
	ASKING,
	/** The operator chose "all remaining": blocks run unasked, except those that always ask. */
	ALL_REMAINING,
	/** A decision stopped the walk; going on asks again. */
	STOPPED,
	/** An interrupt stopped the walk: the session ends interrupted, whatever runs after. */
	INTERRUPTED,
	/** A signal (SIGTERM, SIGHUP) ended the session: no more blocks, no more questions. */
	TERMINATED;

	/** The state after a move to {@code next}: a signal's end is final, an interrupt outlasts anything but a signal. */
	WalkState then(WalkState next) {
		if (this == TERMINATED || (this == INTERRUPTED && next != TERMINATED)) {
			return this;
		}
		return next;
	}

	/** Whether the session ends interrupted. */
	boolean interrupted() {
		return this == INTERRUPTED || this == TERMINATED;
	}

}
