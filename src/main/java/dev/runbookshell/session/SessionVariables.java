package dev.runbookshell.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.runbookshell.runbook.FrontMatter;
import dev.runbookshell.runbook.VariableSpec;

/**
 * The values of a session's variables: front-matter defaults, {@code --var}, answers, and what the operator
 * typed. Front-matter patterns are enforced; secret values are registered with {@link SecretValues} so they
 * are masked wherever they would be shown.
 */
public final class SessionVariables {

	private final Map<String, VariableSpec> specs;

	private final Map<String, String> values = new LinkedHashMap<>();

	private final Set<String> secretNames = new TreeSet<>();

	private final SecretValues secrets;

	public SessionVariables(FrontMatter frontMatter, SecretValues secrets) {
		this.specs = frontMatter.variables();
		this.secrets = secrets;
		for (VariableSpec spec : this.specs.values()) {
			if (spec.defaultValue() != null) {
				put(spec.name(), spec.defaultValue(), spec.secret());
			}
		}
	}

	/**
	 * Sets a value, checking the front-matter pattern.
	 * @throws SessionRefusedException when the value does not match the variable's pattern
	 */
	public void set(String name, String value, boolean readAsSecret) {
		VariableSpec spec = this.specs.get(name);
		if (spec != null && spec.pattern() != null && !value.matches(spec.pattern())) {
			String shown = readAsSecret || isSecret(name) ? SecretValues.MASK : "'" + value + "'";
			throw new SessionRefusedException(
					"value " + shown + " for variable " + name + " does not match its pattern " + spec.pattern());
		}
		put(name, value, readAsSecret || (spec != null && spec.secret()));
	}

	private void put(String name, String value, boolean secret) {
		this.values.put(name, value);
		if (secret || namedAsSecret(name)) {
			this.secretNames.add(name);
			this.secrets.add(value);
		}
	}

	public Optional<String> get(String name) {
		return Optional.ofNullable(this.values.get(name));
	}

	/** The secret variables whose value occurs in {@code text}, for messages that must name them, not show them. */
	public List<String> secretsIn(String text) {
		if (text == null) {
			return List.of();
		}
		return this.values.entrySet()
			.stream()
			.filter(e -> isSecret(e.getKey()) && !e.getValue().isEmpty() && text.contains(e.getValue()))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	public boolean isSecret(String name) {
		VariableSpec spec = this.specs.get(name);
		return this.secretNames.contains(name) || (spec != null && spec.secret()) || namedAsSecret(name);
	}

	/**
	 * Whether the name says its value is secret ({@code *PASS*}, {@code *TOKEN*}, {@code *SECRET*}, {@code *KEY*},
	 * any case): such a variable is asked hidden and masked even when the front matter does not declare it.
	 */
	public static boolean namedAsSecret(String name) {
		String upper = name.toUpperCase(Locale.ROOT);
		return upper.contains("PASS") || upper.contains("TOKEN") || upper.contains("SECRET") || upper.contains("KEY");
	}

	public Optional<VariableSpec> spec(String name) {
		return Optional.ofNullable(this.specs.get(name));
	}

	public Set<String> declared() {
		return this.specs.keySet();
	}

	/** The value as it may be shown: {@code ****} for secrets. */
	public String display(String name) {
		String value = this.values.get(name);
		if (value == null) {
			return null;
		}
		return isSecret(name) ? SecretValues.MASK : value;
	}

	/** Front-matter env, then every variable with a value, under a name the shell accepts. */
	public Map<String, String> exports(Map<String, String> env) {
		Map<String, String> exports = new LinkedHashMap<>(env);
		this.values.forEach((name, value) -> exports.put(shellName(name), value));
		return exports;
	}

	/** Every declared or set variable with its shown value (null when unset). */
	public List<View> list() {
		Set<String> names = new TreeSet<>(this.specs.keySet());
		names.addAll(this.values.keySet());
		List<View> views = new ArrayList<>();
		for (String name : names) {
			views.add(new View(name, display(name), isSecret(name), this.specs.containsKey(name)));
		}
		return views;
	}

	/** {@code db-host} becomes {@code db_host}: the name the value is exported under. */
	public static String shellName(String variable) {
		String name = variable.replaceAll("[^A-Za-z0-9_]", "_");
		return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
	}

	/**
	 * A variable as {@code vars} shows it.
	 * @param name the name
	 * @param value the value, {@code ****} for secrets, null when unset
	 * @param secret whether it is secret
	 * @param declared whether the front matter declares it
	 */
	public record View(String name, String value, boolean secret, boolean declared) {
	}

}
