package dev.runbookshell.targets.ssh;

/**
 * Who to log in as where: {@code [user@]host[:port]}, IPv6 hosts in brackets. User and port are null when not
 * given, so {@code ~/.ssh/config} or the defaults can fill them in.
 */
record SshEndpoint(String user, String host, Integer port) {

	static SshEndpoint parse(String text) {
		String rest = text.strip();
		String user = null;
		int at = rest.lastIndexOf('@');
		if (at >= 0) {
			user = rest.substring(0, at);
			rest = rest.substring(at + 1);
		}
		String host = rest;
		Integer port = null;
		if (rest.startsWith("[")) {
			int close = rest.indexOf(']');
			if (close < 0) {
				throw new IllegalArgumentException("unclosed '[' in '" + text + "'");
			}
			host = rest.substring(1, close);
			port = portAfter(rest.substring(close + 1), text);
		}
		else if (rest.indexOf(':') >= 0) {
			host = rest.substring(0, rest.indexOf(':'));
			port = portAfter(rest.substring(rest.indexOf(':')), text);
		}
		if (host.isEmpty() || (user != null && user.isEmpty())) {
			throw new IllegalArgumentException("expected [user@]host[:port], got '" + text + "'");
		}
		return new SshEndpoint(user, host, port);
	}

	private static Integer portAfter(String colonPort, String text) {
		if (colonPort.isEmpty()) {
			return null;
		}
		try {
			int port = Integer.parseInt(colonPort.substring(1));
			if (!colonPort.startsWith(":") || port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("bad port in '" + text + "'");
		}
	}

}
