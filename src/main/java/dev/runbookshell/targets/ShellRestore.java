package dev.runbookshell.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.runbookshell.targets.RunningBlock.Progress;
import dev.runbookshell.targets.SentinelShellSession.ProtocolRun;

/**
 * Re-creates an earlier shell's state in the current one: {@code cd} to its folder, its exported variables, and
 * each function from the text the shell printed for it (one {@code eval} each, so one that no longer parses
 * costs only itself). Each part that fails prints a line starting with {@code !}, read back as what was lost.
 */
final class ShellRestore {

	private ShellRestore() {
	}

	static List<String> run(ShellState state, ShellDialect dialect, Function<ExecRequest, ProtocolRun> shell) {
		StringBuilder script = new StringBuilder();
		if (state.cwd() != null && !state.cwd().isEmpty()) {
			script.append("cd -- ").append(ShellQuoting.singleQuoted(state.cwd())).append(" 2>/dev/null || echo ")
				.append(ShellQuoting.singleQuoted("!cwd " + state.cwd() + " (no such folder)")).append('\n');
		}
		List<String> lost = new ArrayList<>();
		if (!state.functionsKnown()) {
			lost.add("functions (sh cannot list them)");
		}
		state.functions().forEach((name, text) -> {
			if (dialect == ShellDialect.BASH) {
				script.append("eval ").append(ShellQuoting.singleQuoted(text)).append(" 2>/dev/null || echo ")
					.append(ShellQuoting.singleQuoted("!function " + name + " (its text no longer parses)")).append('\n');
			}
			else {
				lost.add("function " + name + " (sh cannot take it back)");
			}
		});
		ProtocolRun run = shell.apply(new ExecRequest("restore", script.toString(), null, false, state.exports(), null,
				new ExecRequest.FailureRule(false, Set.of()), null));
		if (run.progress() != Progress.COMPLETE) {
			lost.add(0, "the shell's state (the shell did not answer)");
			return lost;
		}
		run.out().lines().filter(line -> line.startsWith("!")).map(line -> line.substring(1)).forEach(lost::add);
		return lost;
	}

}
