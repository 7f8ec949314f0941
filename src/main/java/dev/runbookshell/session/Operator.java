package dev.runbookshell.session;

import dev.runbookshell.targets.local.ThisMachine;

/**
 * Who runs a session and from which machine, for {@code session-started} and {@code session-resumed} and an
 * imported Ansible run: the one place the tool asks for them.
 *
 * @param user {@code $USER}, else the JVM's {@code user.name}
 * @param host this machine's host name ({@link ThisMachine#hostName()}, also the local target's fingerprint)
 */
public record Operator(String user, String host) {

	/** The current user and this machine's host name (without a DNS lookup when the kernel knows it). */
	public static Operator current() {
		String user = System.getenv("USER");
		return new Operator(user != null && !user.isBlank() ? user : System.getProperty("user.name", "unknown"),
				ThisMachine.hostName());
	}

}
