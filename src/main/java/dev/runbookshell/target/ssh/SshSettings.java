package dev.runbookshell.target.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One SSH hop with everything resolved: the URI (or jump spec) first, then the target's options, then
 * {@code ~/.ssh/config}, then OpenSSH's defaults.
 *
 * @param alias the host as the operator wrote it (config lookups and known_hosts use what is connected to)
 */
record SshSettings(String alias, String user, String host, int port, List<Path> identities, List<String> jumps,
		Path knownHosts, String passwordVar, boolean acceptNewHostKey) {

	private static final List<String> DEFAULT_IDENTITIES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

	static SshSettings resolve(SshEndpoint endpoint, Map<String, String> options, Path home) throws IOException {
		Path sshDir = home.resolve(".ssh");
		SshConfigFile.HostSettings config = SshConfigFile.read(sshDir.resolve("config")).resolve(endpoint.host());
		String user = first(endpoint.user(), config.user(), System.getProperty("user.name"));
		String host = first(config.hostName(), endpoint.host());
		int port = endpoint.port() != null ? endpoint.port() : config.port() != null ? config.port() : 22;
		List<Path> identities = new ArrayList<>();
		String identityOption = options.get("identity");
		if (identityOption != null && !identityOption.isBlank()) {
			for (String identity : identityOption.split(",")) {
				identities.add(expand(identity.strip(), home, host, user, port));
			}
		}
		else if (!config.identityFiles().isEmpty()) {
			config.identityFiles().forEach(identity -> identities.add(expand(identity, home, host, user, port)));
		}
		else {
			DEFAULT_IDENTITIES.forEach(name -> identities.add(sshDir.resolve(name)));
		}
		String jump = first(options.get("proxy-jump"), config.proxyJump(), "none");
		List<String> jumps = jump.equalsIgnoreCase("none") ? List.of() : List.of(jump.split("\\s*,\\s*"));
		String knownHosts = options.get("known-hosts");
		return new SshSettings(endpoint.host(), user, host, port, List.copyOf(identities), jumps,
				knownHosts == null ? sshDir.resolve("known_hosts") : expand(knownHosts, home, host, user, port),
				options.get("password-var"), Boolean.parseBoolean(options.getOrDefault("accept-new-host-key", "false")));
	}

	/** The hop through which this one is reached: same identities and known_hosts, its own config entry. */
	SshSettings jumpHost(String spec, Path home) throws IOException {
		SshSettings jump = resolve(SshEndpoint.parse(spec), Map.of("proxy-jump", "none"), home);
		List<Path> keys = new ArrayList<>(this.identities);
		jump.identities().stream().filter(key -> !keys.contains(key)).forEach(keys::add);
		return new SshSettings(jump.alias(), jump.user(), jump.host(), jump.port(), List.copyOf(keys), List.of(),
				this.knownHosts, this.passwordVar, this.acceptNewHostKey);
	}

	/** {@code user@host:port} for messages. */
	String describe() {
		return this.user + "@" + (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port;
	}

	private static Path expand(String path, Path home, String host, String user, int port) {
		String expanded = path.replace("%d", home.toString()).replace("%h", host).replace("%r", user)
			.replace("%p", Integer.toString(port)).replace("%u", System.getProperty("user.name"));
		if (expanded.equals("~") || expanded.startsWith("~/")) {
			expanded = home + expanded.substring(1);
		}
		return Path.of(expanded);
	}

	private static String first(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

}
