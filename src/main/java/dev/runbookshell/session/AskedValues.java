package dev.runbookshell.session;

import java.util.List;

import dev.runbookshell.runbook.Block;

/**
 * The values a session's blocks need: asked for when not known (again for a {@code promptEnv=yes} block offered at a
 * terminal), checked against the front matter's pattern, and recorded as set (secrets masked).
 */
final class AskedValues {

	private final SessionState state;

	AskedValues(SessionState state) {
		this.state = state;
	}

	/**
	 * Asks for the values {@code text} needs that are not known yet.
	 * @param offered true when the block is being offered at a terminal: a block annotated {@code promptEnv=yes}
	 * then asks for its export lines' values again
	 */
	void askMissing(Block block, String text, boolean offered) {
		boolean unattended = this.state.confirmer.mode().unattended();
		for (CommandText.Need need : CommandText.needs(block, text, this.state.variables)) {
			boolean known = this.state.variables.get(need.variable()).isPresent();
			ExportPrompts.Line export = need.export();
			if (export != null && unattended && !known && export.usableAsWritten()) {
				continue; // runs as written: nobody can be asked, and the line holds a value
			}
			boolean again = export != null && offered && ExportPrompts.Mode.of(block) == ExportPrompts.Mode.ALWAYS;
			if (!known || again) {
				ask(need);
			}
		}
	}

	/** Asks for the values {@code text} still needs, then builds what runs. */
	PreparedBlock prepare(Block block, String text) {
		askMissing(block, text, false);
		List<CommandText.Need> needs = CommandText.needs(block, text, this.state.variables);
		String script = CommandText.render(block, needs, text, this.state.variables, true);
		return new PreparedBlock(script, this.state.secrets.mask(script),
				this.state.variables.exports(this.state.runbook.frontMatter().env()));
	}

	private void ask(CommandText.Need need) {
		String name = need.variable();
		boolean secret = this.state.variables.isSecret(name);
		for (int attempt = 1;; attempt++) {
			String value = this.state.confirmer.askVariable(name, CommandText.question(need, this.state.variables), secret);
			if (value != null && value.isEmpty() && need.export() != null
					&& need.export().form() == ExportPrompts.Form.SUGGESTION) {
				value = need.export().text(); // Enter takes the suggestion written in the runbook
			}
			try {
				setVariable(name, value, secret);
				return;
			}
			catch (SessionRefusedException ex) {
				if (this.state.confirmer.mode().unattended() || attempt >= 3) {
					throw ex;
				}
				this.state.listener.warning(ex.getMessage());
			}
		}
	}

	void setVariable(String name, String value, boolean secret) {
		this.state.variables.set(name, value, secret);
		boolean masked = this.state.variables.isSecret(name);
		this.state.recorder.variableSet(name, masked ? SecretValues.MASK : value, masked);
	}

	/** Values given up front are recorded as set (secrets masked). */
	void recordGiven() {
		this.state.settings.variables().forEach((name, value) -> setVariable(name, value, false));
	}

}
