package dev.runbookshell.shell;

/**
 * The name an operator types to confirm a risky block: the front-matter name as it is, and for a URI the part
 * that names the machine or container ({@code ssh://deploy@db1:2222} is {@code db1}, {@code docker://web} is
 * {@code web}, {@code docker+image://runbook-test/bash:1} is {@code bash}), never the whole URI.
 */
final class TargetShortName {

	private TargetShortName() {
	}

	static String of(String target) {
		int scheme = target.indexOf("://");
		if (scheme < 0) {
			return target;
		}
		String rest = before(target.substring(scheme + 3), '?');
		String name = target.substring(0, scheme).startsWith("docker+image") ? imageName(rest) : hostName(rest);
		return name.isEmpty() ? target : name;
	}

	/** {@code registry:5000/team/app:1.2@sha256:...} is {@code app}. */
	private static String imageName(String image) {
		String path = before(image, '@');
		String last = path.substring(path.lastIndexOf('/') + 1);
		return before(last, ':');
	}

	/** {@code user@host:port/path} is {@code host}; {@code [::1]:22} is {@code ::1}. */
	private static String hostName(String authority) {
		String host = before(authority, '/');
		host = host.substring(host.lastIndexOf('@') + 1);
		if (host.startsWith("[") && host.indexOf(']') > 0) {
			return host.substring(1, host.indexOf(']'));
		}
		return before(host, ':');
	}

	private static String before(String text, char end) {
		int at = text.indexOf(end);
		return at < 0 ? text : text.substring(0, at);
	}

}
