package dev.runbookshell.report;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalEntry;
import dev.runbookshell.journal.JournalEvent.Check;
import dev.runbookshell.journal.JournalEvent.Decision;
import dev.runbookshell.journal.JournalEvent.SessionResumed;
import dev.runbookshell.journal.JournalEvent.SessionStarted;
import dev.runbookshell.journal.RunMode;

/**
 * Who took each decision and ticked each checklist item, and when: the operator and mode of the session (or the
 * resumed session) the event belongs to, with the event's time. Read from the journal's entries in order.
 */
final class RecordActors {

	/** One decision or tick with its time and who made it. */
	record Act(Instant at, String who) {
	}

	/** The last tick of a checklist item. */
	record Tick(Check check, Act act) {
	}

	private final Map<Decision, Act> decisions = new IdentityHashMap<>();

	private final Map<Integer, Tick> ticks = new LinkedHashMap<>();

	RecordActors(Journal journal) {
		String who = "unknown";
		for (JournalEntry entry : journal.entries()) {
			if (entry.event() instanceof SessionStarted started) {
				who = who(started.operator(), started.mode());
			}
			else if (entry.event() instanceof SessionResumed resumed) {
				who = who(resumed.operator(), resumed.mode());
			}
			else if (entry.event() instanceof Decision decision) {
				this.decisions.put(decision, new Act(entry.at(), who));
			}
			else if (entry.event() instanceof Check check) {
				this.ticks.put(check.line(), new Tick(check, new Act(entry.at(), who)));
			}
		}
	}

	/** The decision's time and maker, or null for a decision not from this journal. */
	Act of(Decision decision) {
		return this.decisions.get(decision);
	}

	/** The last tick of each checklist item, by the item's line. */
	Map<Integer, Tick> ticks() {
		return this.ticks;
	}

	/** {@code alice}, or how an unattended session decided: {@code --yes (alice)}. */
	private static String who(String operator, RunMode mode) {
		String name = operator == null || operator.isBlank() ? "unknown" : operator;
		if (mode == null) {
			return name;
		}
		return switch (mode) {
			case INTERACTIVE -> name;
			case YES -> "--yes (started by " + name + ")";
			case ANSWERS -> "the answers file (started by " + name + ")";
			case REPLAY -> "the replayed journal (started by " + name + ")";
			case ANSIBLE -> name + " (" + mode.wire() + ")";
		};
	}

}
