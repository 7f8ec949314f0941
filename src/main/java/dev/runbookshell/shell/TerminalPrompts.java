package dev.runbookshell.shell;

import dev.runbookshell.targets.TargetPrompts;

/** Asks the operator at the terminal while a target connects: unknown host keys, passwords, passphrases. */
public class TerminalPrompts implements TargetPrompts {

	private final TerminalQuestions questions;

	TerminalPrompts(TerminalQuestions questions) {
		this.questions = questions;
	}

	@Override
	public boolean acceptUnknownHostKey(String host, String keyType, String fingerprint) {
		this.questions.println("The host " + host + " is not in known_hosts. Its " + keyType + " key fingerprint is "
				+ fingerprint + ".");
		this.questions.println("Compare it with the fingerprint the host's administrator gave you.");
		return this.questions.choose("Trust this key and add it to known_hosts? [y/N] ", 'n') == 'y';
	}

	@Override
	public char[] readSecret(String prompt) {
		String secret = this.questions.askSecret(prompt.endsWith(" ") ? prompt : prompt + ": ");
		return secret == null ? null : secret.toCharArray();
	}

}
