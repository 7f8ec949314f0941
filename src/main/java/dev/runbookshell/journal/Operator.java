package dev.runbookshell.journal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who runs a session and from which machine, for {@code session-started} and {@code session-resumed}, an imported
 * Ansible run and the shipped copy of a journal: the one place the tool asks for them.
 *
 * @param user {@code $USER}, else the JVM's {@code user.name}
 * @param host {@code $HOSTNAME}, else the kernel's host name, else what the system resolves, else localhost
 */
public record Operator(String user, String host) {

	/** The current user and this machine's host name (without a DNS lookup when the kernel knows it). */
	public static Operator current() {
		String user = System.getenv("USER");
		return new Operator(user != null && !user.isBlank() ? user : System.getProperty("user.name", "unknown"),
				hostName());
	}

	private static String hostName() {
		String env = System.getenv("HOSTNAME");
		if (env != null && !env.isBlank()) {
			return env.trim();
		}
		try {
			Path kernel = Path.of("/proc/sys/kernel/hostname");
			if (Files.isReadable(kernel)) {
				return Files.readString(kernel).trim();
			}
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "localhost";
		}
	}

}
