package dev.runbookshell.targets.local;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one look-up of this machine's host name: the local target's fingerprint and the host a journal says its
 * operator was on. It lives with the targets because they may not depend on the journal (the engine, which reads
 * both, asks here).
 */
public final class ThisMachine {

	private ThisMachine() {
	}

	/** {@code $HOSTNAME}, else the kernel's host name, else what the system resolves, else {@code localhost}. */
	public static String hostName() {
		String env = System.getenv("HOSTNAME");
		if (env != null && !env.isBlank()) {
			return env.trim();
		}
		try {
			// the kernel knows it without a DNS look-up, which can hang on a machine whose resolver is down
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
