package dev.runbookshell.journal.signing;

/** Where a key file's passphrase comes from: the operator, asked as a secret, or nobody (unattended). */
@FunctionalInterface
public interface Passphrases {

	/** Nobody to ask. */
	Passphrases NONE = prompt -> null;

	/** The passphrase typed for {@code prompt}, or null when nobody can answer. */
	char[] read(String prompt);

}
