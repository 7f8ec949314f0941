package dev.runbookshell.targets;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import dev.runbookshell.targets.docker.DockerTarget;
import dev.runbookshell.targets.local.LocalTarget;
import dev.runbookshell.targets.ssh.SshTarget;

/**
 * Makes a {@link Target} from its definition: {@code local}, {@code ssh://user@host:port?identity=..} (options
 * from the query or the options map: identity, known-hosts, proxy-jump, password-var, accept-new-host-key),
 * {@code docker://container}, {@code docker+image://image}; every kind takes {@code shell} (bash or sh), local
 * takes {@code cwd}, SSH and Docker take {@code keep-alive} and {@code keep-alive-max} ({@link AliveCheck}).
 * Creating connects to nothing; {@link Target#open} does.
 */
public final class TargetFactory {

	private final Function<String, String> environment;

	private final Path home;

	/** Reads the process environment (DOCKER_HOST, password variables) and the user's ~/.ssh. */
	public TargetFactory() {
		this(System::getenv, Path.of(System.getProperty("user.home")));
	}

	/**
	 * @param environment how to read environment variables
	 * @param home the home directory whose {@code .ssh} holds config, keys and known_hosts
	 */
	public TargetFactory(Function<String, String> environment, Path home) {
		this.environment = environment;
		this.home = home;
	}

	/** @throws IllegalArgumentException naming the target and its URI when the URI is not one of the four kinds */
	public Target create(TargetDefinition definition) {
		String uri = uri(definition);
		Map<String, String> options = options(definition);
		String shell = options.get("shell");
		if (uri.equals("local")) {
			String cwd = options.get("cwd");
			return new LocalTarget(definition.name(), Path.of(cwd == null ? "" : cwd).toAbsolutePath(), shell);
		}
		String rest = withoutQuery(uri);
		if (rest.startsWith("ssh://")) {
			return SshTarget.of(definition.name(), uri, rest.substring("ssh://".length()), options,
					aliveCheck(definition, uri, options), this.environment, this.home);
		}
		if (rest.startsWith("docker+image://") && rest.length() > "docker+image://".length()) {
			return DockerTarget.throwawayFromImage(definition.name(), uri, rest.substring("docker+image://".length()),
					shell, aliveCheck(definition, uri, options), this.environment);
		}
		if (rest.startsWith("docker://") && rest.length() > "docker://".length()) {
			return DockerTarget.running(definition.name(), uri, rest.substring("docker://".length()), shell,
					aliveCheck(definition, uri, options), this.environment);
		}
		throw invalid(definition, uri, "use local, ssh://user@host:port, docker://container or docker+image://image");
	}

	private static AliveCheck aliveCheck(TargetDefinition definition, String uri, Map<String, String> options) {
		try {
			return AliveCheck.of(options);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(definition, uri, ex.getMessage());
		}
	}

	/** The definition's options over those of its URI's query ({@code ssh://h?shell=sh}). */
	public static Map<String, String> options(TargetDefinition definition) {
		Map<String, String> options = new HashMap<>(queryOptions(definition, uri(definition)));
		options.putAll(definition.options());
		return options;
	}

	private static String uri(TargetDefinition definition) {
		String uri = definition.uri();
		if (uri == null || uri.isBlank()) {
			uri = definition.options().getOrDefault("uri", "");
		}
		return uri.strip();
	}

	private static Map<String, String> queryOptions(TargetDefinition definition, String uri) {
		int question = uri.indexOf('?');
		Map<String, String> options = new HashMap<>();
		if (question < 0) {
			return options;
		}
		for (String pair : uri.substring(question + 1).split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			if (equals <= 0) {
				throw invalid(definition, uri, "query parameter '" + pair + "' is not key=value");
			}
			options.put(pair.substring(0, equals),
					java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8));
		}
		return options;
	}

	private static String withoutQuery(String uri) {
		int question = uri.indexOf('?');
		return question < 0 ? uri : uri.substring(0, question);
	}

	static IllegalArgumentException invalid(TargetDefinition definition, String uri, String why) {
		return new IllegalArgumentException("target '" + definition.name() + "': invalid URI '" + uri + "': " + why);
	}

}
