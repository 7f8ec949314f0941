package dev.runbookshell.targets.ssh;

import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

import dev.runbookshell.targets.TargetPrompts;

/**
 * A secret for sshj: a password known already, or a key's passphrase, asked of the operator at most once and only
 * after {@link #allow()}. Before that, sshj's request for it ends the key's reading with {@link Needed}: that is how
 * an encrypted key is told apart, so its passphrase is asked on the caller's thread once the server would accept
 * the key, never on sshj's transport thread (where a slow typist would run into sshj's 30 s login timeout).
 */
final class SshSecret implements PasswordFinder {

	private final TargetPrompts prompts;

	private final String prompt;

	private final char[] known;

	private boolean allowed;

	private boolean asked;

	private SshSecret(TargetPrompts prompts, String prompt, char[] known) {
		this.prompts = prompts;
		this.prompt = prompt;
		this.known = known;
	}

	static SshSecret passphrase(TargetPrompts prompts, String prompt) {
		return new SshSecret(prompts, prompt, null);
	}

	/** Hands sshj a copy each time: sshj blanks what it is given. */
	static SshSecret known(char[] password) {
		return new SshSecret(null, null, password);
	}

	void allow() {
		this.allowed = true;
	}

	@Override
	public char[] reqPassword(Resource<?> resource) {
		if (this.known != null) {
			return this.known.clone();
		}
		if (!this.allowed) {
			throw new Needed();
		}
		char[] secret = this.asked ? null : this.prompts.readSecret(this.prompt);
		this.asked = true;
		if (secret == null) {
			throw new Unanswered();
		}
		return secret;
	}

	@Override
	public boolean shouldRetry(Resource<?> resource) {
		return false;
	}

	/** The key is encrypted. */
	static final class Needed extends RuntimeException {

		Needed() {
			super("the key is encrypted", null, false, false);
		}

	}

	/** Nobody typed a passphrase (unattended, or the prompt was dismissed). */
	static final class Unanswered extends RuntimeException {

		Unanswered() {
			super("no passphrase", null, false, false);
		}

	}

}
