package dev.runbookshell.targets;

/**
 * How a target asks the operator during {@link Target#open}. The interactive shell asks on the terminal;
 * unattended runs refuse (or accept new host keys when told to by a flag).
 */
public interface TargetPrompts {

	/**
	 * An SSH host key not in known_hosts: true to trust it (it is then added to known_hosts).
	 * @param host the host as connected to, {@code [host]:port} when the port is not 22
	 * @param keyType e.g. {@code ssh-ed25519}
	 * @param fingerprint {@code SHA256:...}
	 */
	boolean acceptUnknownHostKey(String host, String keyType, String fingerprint);

	/**
	 * An SSH host that known_hosts knows under other key types offers a key of a type it does not hold: it may
	 * have been re-keyed, or someone else answers in its name. True to trust the offered key as well (it is then
	 * added to known_hosts). Unattended nobody can judge that, so the default refuses, whatever
	 * {@code --accept-new-host-key} says.
	 * @param host the host as connected to, {@code [host]:port} when the port is not 22
	 * @param known what known_hosts holds for it, each as {@code ssh-ed25519 SHA256:...}
	 * @param keyType the offered key's type, e.g. {@code ssh-rsa}
	 * @param fingerprint the offered key's {@code SHA256:...}
	 */
	default boolean acceptHostKeyOfNewType(String host, java.util.List<String> known, String keyType,
			String fingerprint) {
		return false;
	}

	/** A password or key passphrase read without echo; null when nobody can answer. */
	char[] readSecret(String prompt);

	/** Refuses everything: for unattended runs. */
	static TargetPrompts refusing() {
		return unattended(false);
	}

	/**
	 * Nobody to ask: passwords cannot be read, and an unknown host key is trusted only when
	 * {@code acceptNewHostKeys} says so (a changed key is refused regardless, by the target).
	 */
	static TargetPrompts unattended(boolean acceptNewHostKeys) {
		return new TargetPrompts() {
			@Override
			public boolean acceptUnknownHostKey(String host, String keyType, String fingerprint) {
				return acceptNewHostKeys;
			}

			@Override
			public char[] readSecret(String prompt) {
				return null;
			}
		};
	}

}
