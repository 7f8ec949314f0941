package dev.runbookshell.targets.ssh;

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
 * @param identityAgent IdentityAgent from {@code ~/.ssh/config} ({@code none}, {@code SSH_AUTH_SOCK} or a socket
 * path), or null to use {@code $SSH_AUTH_SOCK}
 */
record SshSettings(String alias, String user, String host, int port, List<IdentityFile> identities,
		String identityAgent, List<String> jumps, Path knownHosts, String passwordVar, boolean acceptNewHostKey) {

	private static final List<String> DEFAULT_IDENTITIES = List.of("id_ed25519", "id_ecdsa", "id_rsa");

	/**
	 * A private key file to offer.
	 * @param source where it was named ("the identity option", "IdentityFile in ~/.ssh/config"), or null for
	 * OpenSSH's default names, which are skipped quietly when absent
	 */
	record IdentityFile(Path path, String source) {
	}

	static SshSettings resolve(SshEndpoint endpoint, Map<String, String> options, Path home) throws IOException {
		Path sshDir = home.resolve(".ssh");
		SshConfigFile.HostSettings config = SshConfigFile.read(sshDir.resolve("config")).resolve(endpoint.host());
		String user = first(endpoint.user(), config.user(), System.getProperty("user.name"));
		String host = first(config.hostName(), endpoint.host());
		int port = endpoint.port() != null ? endpoint.port() : config.port() != null ? config.port() : 22;
		List<IdentityFile> identities = new ArrayList<>();
		String identityOption = options.get("identity");
		if (identityOption != null && !identityOption.isBlank()) {
			for (String identity : identityOption.split(",")) {
				identities.add(new IdentityFile(expand(identity.strip(), home, host, user, port), "the identity option"));
			}
		}
		else if (!config.identityFiles().isEmpty()) {
			config.identityFiles().forEach(identity -> identities.add(new IdentityFile(
					expand(identity, home, host, user, port), "IdentityFile in " + sshDir.resolve("config"))));
		}
		else {
			DEFAULT_IDENTITIES.forEach(name -> identities.add(new IdentityFile(sshDir.resolve(name), null)));
		}
		String agent = config.identityAgent();
		if (agent != null && !agent.equalsIgnoreCase("none") && !agent.replaceAll("[${}]", "").equals("SSH_AUTH_SOCK")) {
			agent = expand(agent, home, host, user, port).toString();
		}
		String jump = first(options.get("proxy-jump"), config.proxyJump(), "none");
		List<String> jumps = jump.equalsIgnoreCase("none") ? List.of() : List.of(jump.split("\\s*,\\s*"));
		String knownHosts = options.get("known-hosts");
		return new SshSettings(endpoint.host(), user, host, port, List.copyOf(identities), agent, jumps,
				knownHosts == null ? sshDir.resolve("known_hosts") : expand(knownHosts, home, host, user, port),
				options.get("password-var"), Boolean.parseBoolean(options.getOrDefault("accept-new-host-key", "false")));
	}

	/** The hop through which this one is reached: same identities and known_hosts, its own config entry. */
	SshSettings jumpHost(String spec, Path home) throws IOException {
		SshSettings jump = resolve(SshEndpoint.parse(spec), Map.of("proxy-jump", "none"), home);
		List<IdentityFile> keys = new ArrayList<>(this.identities);
		jump.identities().stream()
			.filter(key -> keys.stream().noneMatch(known -> known.path().equals(key.path())))
			.forEach(keys::add);
		return new SshSettings(jump.alias(), jump.user(), jump.host(), jump.port(), List.copyOf(keys),
				jump.identityAgent(), List.of(), this.knownHosts, this.passwordVar, this.acceptNewHostKey);
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
