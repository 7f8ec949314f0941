package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.List;

import dev.runbookshell.journal.JournalEvent.ShellSnapshot;
import dev.runbookshell.targets.ShellState;
import dev.runbookshell.targets.TargetException;

/**
 * On resume, re-creates in the new shell the state the previous run's last recorded block left (working
 * directory, exported variables, functions), and says in one line what it restored and what it could not: a
 * secret is never in the journal, so it is asked again when a block needs it.
 */
final class ResumedShell {

	private ResumedShell() {
	}

	static void restore(SessionState state, JournalHistory resume) {
		ShellSnapshot snapshot = resume.shell();
		if (snapshot == null) {
			return;
		}
		List<String> lost = new ArrayList<>();
		try {
			lost.addAll(state.target.restore(new ShellState(snapshot.cwd(), snapshot.exports(), snapshot.functions(),
					snapshot.functionsKnown())));
		}
		catch (TargetException ex) {
			lost.add("the shell's state (" + ex.getMessage() + ")");
		}
		snapshot.withheld().forEach(name -> lost.add(name + (name.endsWith("()") ? " (holds a secret)" : " (secret)")));
		List<String> restored = new ArrayList<>();
		if (lost.stream().noneMatch(text -> text.startsWith("cwd ") || text.startsWith("the shell's state"))) {
			restored.add("cwd " + snapshot.cwd());
		}
		if (!snapshot.exports().isEmpty()) {
			restored.add(count(snapshot.exports().size(), "exported variable") + " ("
					+ String.join(", ", snapshot.exports().keySet()) + ")");
		}
		List<String> functions = snapshot.functions().keySet().stream()
			.filter(name -> lost.stream().noneMatch(text -> text.startsWith("function " + name + " "))).toList();
		if (!functions.isEmpty() && snapshot.functionsKnown()) {
			restored.add(count(functions.size(), "function") + " (" + String.join(", ", functions) + ")");
		}
		String line = "restored the shell of " + resume.location() + ": "
				+ (restored.isEmpty() ? "nothing" : String.join(", ", restored))
				+ (lost.isEmpty() ? "" : "; not restored: " + String.join(", ", lost));
		state.listener.message(line);
		state.recorder.note(line, null);
	}

	private static String count(int n, String what) {
		return n + " " + what + (n == 1 ? "" : "s");
	}

}
