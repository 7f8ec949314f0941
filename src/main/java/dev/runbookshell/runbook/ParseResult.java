package dev.runbookshell.runbook;

import java.util.List;

/**
 * A parsed runbook together with what the parser had to tolerate to build it (see {@link ParseNote}).
 *
 * @param runbook the runbook
 * @param notes tolerated problems, in document order
 */
public record ParseResult(Runbook runbook, List<ParseNote> notes) {

	public ParseResult {
		notes = List.copyOf(notes);
	}

}
