package dev.runbookshell.journal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who ran a session and from which machine, for {@code session-started}. */
public record Operator(String user, String host) {

	/** The current user and this machine's host name (without a DNS lookup when the kernel knows it). */
	public static Operator current() {
		String user = System.getProperty("user.name", "unknown");
		return new Operator(user, hostName());
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
