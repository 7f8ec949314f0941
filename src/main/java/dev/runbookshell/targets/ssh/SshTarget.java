package dev.runbookshell.targets.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import dev.runbookshell.targets.AliveCheck;
import dev.runbookshell.targets.SentinelShellSession;
import dev.runbookshell.targets.Target;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetException.Reason;
import dev.runbookshell.targets.TargetPrompts;
import dev.runbookshell.targets.TargetSession;

/**
 * An SSH host, reached with sshj. Opening reads {@code ~/.ssh/config}, connects (through ProxyJump hosts),
 * verifies the host key against known_hosts, logs in with the ssh-agent's keys (SSH_AUTH_SOCK, read through the
 * given environment), the identity files or a password, and starts a login shell in an exec channel.
 */
public final class SshTarget implements Target {

	private final String name;

	private final String uri;

	private final SshEndpoint endpoint;

	private final Map<String, String> options;

	private final AliveCheck aliveCheck;

	private final Function<String, String> environment;

	private final Path home;

	private SshTarget(String name, String uri, SshEndpoint endpoint, Map<String, String> options,
			AliveCheck aliveCheck, Function<String, String> environment, Path home) {
		this.name = name;
		this.uri = uri;
		this.endpoint = endpoint;
		this.options = Map.copyOf(options);
		this.aliveCheck = aliveCheck;
		this.environment = environment;
		this.home = home;
	}

	/**
	 * @param authority {@code [user@]host[:port]} (a trailing slash is ignored)
	 * @param options identity, known-hosts, proxy-jump, password-var, accept-new-host-key, shell
	 * @param aliveCheck how often the connection (each hop's) is probed while it is open
	 * @throws IllegalArgumentException naming the target and URI when the authority is malformed
	 */
	public static SshTarget of(String name, String uri, String authority, Map<String, String> options,
			AliveCheck aliveCheck, Function<String, String> environment, Path home) {
		String trimmed = authority.endsWith("/") ? authority.substring(0, authority.length() - 1) : authority;
		try {
			return new SshTarget(name, uri, SshEndpoint.parse(trimmed), options, aliveCheck, environment, home);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("target '" + name + "': invalid URI '" + uri + "': " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String uri() {
		return this.uri;
	}

	@Override
	public TargetSession open(TargetPrompts prompts) throws TargetException {
		SshSettings settings;
		try {
			settings = SshSettings.resolve(this.endpoint, this.options, this.home);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new TargetException(Reason.CONNECT, "target '" + this.name + "': cannot read "
					+ this.home.resolve(".ssh/config") + ": " + ex.getMessage(), ex);
		}
		return SentinelShellSession.open(new SshTransport(settings, this.aliveCheck, this.home, prompts,
				this.environment),
				this.options.get("shell"));
	}

}
