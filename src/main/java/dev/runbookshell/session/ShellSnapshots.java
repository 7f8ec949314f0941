package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.runbookshell.journal.JournalEvent.ShellSnapshot;
import dev.runbookshell.targets.ShellState;

/**
 * Turns the shell's state at a block's end into what the journal keeps: secret values never (a variable holding
 * one, or named like one, is left out and only named), and only when it changed since the last block.
 */
final class ShellSnapshots {

	/** Names that say a value is secret, whatever the front matter declares. */
	private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASS|TOKEN|SECRET|KEY|CREDENTIAL|PRIVATE).*");

	private final SecretValues secrets;

	private ShellSnapshot last;

	ShellSnapshots(SecretValues secrets) {
		this.secrets = secrets;
	}

	/** The snapshot of {@code state}, or null when there is none or it is the same as the last one. */
	ShellSnapshot changed(ShellState state) {
		if (state == null) {
			return null;
		}
		Map<String, String> exports = new LinkedHashMap<>();
		List<String> withheld = new ArrayList<>();
		state.exports().forEach((name, value) -> {
			if (SECRET_NAME.matcher(name).matches() || !this.secrets.mask(value).equals(value)) {
				withheld.add(name);
			}
			else {
				exports.put(name, value);
			}
		});
		Map<String, String> functions = new LinkedHashMap<>();
		state.functions().forEach((name, text) -> {
			if (this.secrets.mask(text).equals(text)) {
				functions.put(name, text);
			}
			else {
				withheld.add(name + "()");
			}
		});
		ShellSnapshot snapshot = new ShellSnapshot(this.secrets.mask(state.cwd()), exports, functions, withheld,
				state.functionsKnown());
		if (snapshot.equals(this.last)) {
			return null;
		}
		this.last = snapshot;
		return snapshot;
	}

}
