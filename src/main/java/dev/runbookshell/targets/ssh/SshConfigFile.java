package dev.runbookshell.targets.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys of {@code ~/.ssh/config} a target needs: HostName, User, Port, IdentityFile, IdentityAgent, ProxyJump.
 * sshj 0.40 has no config reader, so this reads those keys only, with OpenSSH's rules: Host patterns ({@code *},
 * {@code ?}, {@code !negation}), the first value found wins, IdentityFile accumulates. Match blocks are skipped.
 */
final class SshConfigFile {

	/** What the config says about one host; every field may be null (or empty). */
	record HostSettings(String hostName, String user, Integer port, List<String> identityFiles, String identityAgent,
			String proxyJump) {
	}

	private record Section(List<String> patterns, List<String[]> entries) {
	}

	private final List<Section> sections;

	private SshConfigFile(List<Section> sections) {
		this.sections = sections;
	}

	/** An absent file is an empty config. */
	static SshConfigFile read(Path file) throws IOException {
		List<Section> sections = new ArrayList<>();
		Section current = new Section(List.of("*"), new ArrayList<>());
		sections.add(current);
		if (!Files.isRegularFile(file)) {
			return new SshConfigFile(sections);
		}
		for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] keyValue = line.split("\\s*=\\s*|\\s+", 2);
			String key = keyValue[0].toLowerCase(Locale.ROOT);
			String value = keyValue.length > 1 ? unquote(keyValue[1].strip()) : "";
			if (key.equals("host")) {
				current = new Section(List.of(value.split("\\s+")), new ArrayList<>());
				sections.add(current);
			}
			else if (key.equals("match")) {
				current = new Section(List.of(), new ArrayList<>());
				sections.add(current);
			}
			else {
				current.entries().add(new String[] { key, value });
			}
		}
		return new SshConfigFile(sections);
	}

	HostSettings resolve(String alias) {
		Map<String, String> first = new LinkedHashMap<>();
		List<String> identities = new ArrayList<>();
		for (Section section : this.sections) {
			if (!matches(section.patterns(), alias)) {
				continue;
			}
			for (String[] entry : section.entries()) {
				if (entry[0].equals("identityfile")) {
					identities.add(entry[1]);
				}
				else {
					first.putIfAbsent(entry[0], entry[1]);
				}
			}
		}
		String port = first.get("port");
		return new HostSettings(first.get("hostname"), first.get("user"), port == null ? null : Integer.valueOf(port),
				identities, first.get("identityagent"), first.get("proxyjump"));
	}

	private static boolean matches(List<String> patterns, String alias) {
		boolean matched = false;
		for (String pattern : patterns) {
			boolean negated = pattern.startsWith("!");
			if (glob(negated ? pattern.substring(1) : pattern).matcher(alias).matches()) {
				if (negated) {
					return false;
				}
				matched = true;
			}
		}
		return matched;
	}

	private static Pattern glob(String pattern) {
		StringBuilder regex = new StringBuilder();
		for (char c : pattern.toCharArray()) {
			regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
	}

	private static String unquote(String value) {
		return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
				? value.substring(1, value.length() - 1) : value;
	}

}
