package dev.runbookshell.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;

/**
 * What a session would do, without a target or a journal ({@code run --dry-run}): each flow block with the
 * values known so far substituted (secrets as {@code ****}, unknown ones left as their token), whether it is
 * risky, its timeout and, for an interactive block, where its input would come from.
 */
public final class SessionPlan {

	private SessionPlan() {
	}

	/**
	 * One block of the plan.
	 * @param prompt position, heading path, target and the command as it would run (masked)
	 * @param missing variables that would be asked for
	 * @param timeout the timeout that would apply, or null
	 * @param input for an {@code interactive=true} block, where its stdin would come from; null for other blocks
	 */
	public record Step(BlockPrompt prompt, List<String> missing, Duration timeout, String input) {
	}

	/**
	 * @throws SessionRefusedException for an unknown {@code --from}/{@code --to} or a value that does not match
	 * its pattern
	 */
	public static List<Step> of(Runbook runbook, String targetName, SessionSettings settings, SessionMode mode) {
		List<Block> flow = SessionStart.flow(runbook, settings.from(), settings.to());
		SecretValues secrets = new SecretValues();
		SessionVariables variables = new SessionVariables(runbook.frontMatter(), secrets);
		settings.variables().forEach((name, value) -> variables.set(name, value, false));
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < flow.size(); i++) {
			Block block = flow.get(i);
			List<CommandText.Need> needs = CommandText.needs(block, block.command(), variables);
			List<String> missing = needs.stream()
				.filter(need -> !(mode.unattended() && need.export() != null && need.export().usableAsWritten()))
				.map(CommandText.Need::variable)
				.filter(name -> variables.get(name).isEmpty())
				.toList();
			BlockPrompt prompt = new BlockPrompt(block, i + 1, flow.size(), runbook.headingPath(block.section()),
					targetName, secrets.mask(CommandText.render(block, needs, block.command(), variables, true)),
					RiskDetector.risk(block, block.command()));
			String input = !block.annotations().interactive() ? null
					: mode.unattended() ? "interactive, but nobody can type (--" + mode.wire() + "): stdin is /dev/null"
							: "interactive: reads what you type";
			steps.add(new Step(prompt, missing, SessionState.timeout(runbook, block, mode), input));
		}
		return steps;
	}

}
