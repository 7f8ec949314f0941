package dev.runbookshell.targets;

import java.util.regex.Pattern;

/**
 * Asks a target what became of a block an earlier run started ({@link BlockMarker}), by reading the marker file
 * the supervisor left ({@link ShellLaunch}) and whether the shell's process group still lives; a folder whose
 * block no longer runs is then removed.
 */
final class PreviousBlockQuery {

	/** Only a folder the supervisor made is ever read or removed, whatever a journal says. */
	private static final Pattern MARKER = Pattern.compile("/[^'\\n]*/runbook-shell\\.[A-Za-z0-9]+/\\.block");

	private PreviousBlockQuery() {
	}

	static PreviousBlock ask(ShellTransport transport, BlockMarker marker) throws TargetException {
		if (marker == null || marker.shellPid() <= 1 || !MARKER.matcher(marker.file()).matches()
				|| !marker.token().matches("[0-9a-f]+")) {
			return PreviousBlock.NOT_KNOWN;
		}
		String script = "f='" + marker.file() + "'; d=${f%/.block}; t=" + marker.token() + "; p=" + marker.shellPid()
				+ "\nif read -r s k rc n <\"$f\" 2>/dev/null && [ \"$k\" = \"$t\" ]; then"
				+ "\n  if [ \"$s\" = running ]; then if kill -0 -\"$p\" 2>/dev/null; then echo running; exit 0; fi; echo stopped"
				+ "\n  else echo \"finished $rc $n\"; fi"
				+ "\nelse echo unknown; fi"
				+ "\n[ ! -e \"$d/.eof\" ] || { rm -f \"$f\" \"$d/.eof\"; for l in \"$d\"/*; do [ ! -h \"$l\" ] || rm -f \"$l\"; done;"
				+ " rmdir \"$d\" 2>/dev/null; }\n";
		String[] answer = transport.query(script).strip().split(" ");
		return switch (answer[0]) {
			case "running" -> new PreviousBlock(PreviousBlock.State.RUNNING, null, 0);
			case "stopped" -> new PreviousBlock(PreviousBlock.State.STOPPED, null, 0);
			case "finished" -> finished(answer);
			default -> PreviousBlock.NOT_KNOWN;
		};
	}

	private static PreviousBlock finished(String[] answer) {
		try {
			return new PreviousBlock(PreviousBlock.State.FINISHED, Integer.valueOf(answer[1]),
					answer.length > 2 ? Integer.parseInt(answer[2]) : 0);
		}
		catch (NumberFormatException | ArrayIndexOutOfBoundsException ex) {
			return PreviousBlock.NOT_KNOWN;
		}
	}

}
