package dev.runbookshell.shell;

import java.util.ArrayList;
import java.util.List;

import dev.runbookshell.fleet.FleetQuestions;
import dev.runbookshell.session.Decision;
import dev.runbookshell.session.FailurePrompt;

/**
 * At the terminal, after a block failed on some hosts of a fleet: retry on them, drop them and go on with the
 * others, roll them back (when the runbook has rollback steps for what ran), or stop every host.
 */
final class FleetFailureMenu implements FleetQuestions {

	private enum Choice {
		RETRY, DROP, ROLLBACK, STOP, HELP
	}

	private static final String HELP = """
			  r, retry     run the block again on the failed hosts
			  d, drop      the failed hosts take no further block; the others go on (within --max-fail)
			  b, rollback  run the rollback steps on the failed hosts, then drop them
			  q, quit, stop   stop every host here""";

	private final TerminalQuestions questions;

	FleetFailureMenu(TerminalQuestions questions) {
		this.questions = questions;
	}

	@Override
	public FailureDecision afterFailures(FailurePrompt failure, List<String> hosts) {
		this.questions.println(failure.block().label() + " did not succeed on " + hosts.size() + " host"
				+ (hosts.size() == 1 ? "" : "s") + ": " + String.join(", ", hosts));
		List<Answer<Choice>> answers = new ArrayList<>(List.of(Answer.of(Choice.RETRY, "r", "retry"),
				Answer.of(Choice.DROP, "d", "drop")));
		String options = "[r] retry on the failed hosts · [d] drop them and go on · ";
		if (failure.rollbackAvailable()) {
			answers.add(Answer.of(Choice.ROLLBACK, "b", "rollback"));
			options += "[b] rollback them · ";
		}
		answers.add(Answer.of(Choice.STOP, "q", "quit", "stop"));
		answers.add(Answer.of(Choice.HELP, "?", "help"));
		options += "[q] stop ";
		while (true) {
			Choice choice = this.questions.choose(options, answers, Choice.HELP);
			if (choice == null) {
				return new FailureDecision(Decision.STOP, true);
			}
			switch (choice) {
				case RETRY:
					return new FailureDecision(Decision.RETRY, false);
				case DROP:
					return new FailureDecision(Decision.STOP, false);
				case ROLLBACK:
					return new FailureDecision(Decision.ROLLBACK, false);
				case STOP:
					return new FailureDecision(Decision.STOP, true);
				default:
					this.questions.println(HELP);
			}
		}
	}

}
