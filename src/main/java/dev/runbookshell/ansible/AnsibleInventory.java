package dev.runbookshell.ansible;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * An existing Ansible inventory file, INI or YAML, read as Ansible reads it: groups with their hosts, variables
 * and child groups, host ranges ({@code web[01:03]}), {@code host:port}, variables resolved from {@code all}
 * through the groups (outermost first) to the host. Dynamic inventories (scripts, plugins) are not read.
 * Immutable once read.
 */
public final class AnsibleInventory {

	private final Map<String, Group> groups = new LinkedHashMap<>();

	private final Map<String, Map<String, String>> hostVars = new LinkedHashMap<>();

	private AnsibleInventory() {
		group("all");
	}

	/** Reads {@code file}: YAML when it ends in .yml/.yaml or starts like YAML, else INI. */
	public static AnsibleInventory read(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new AnsibleException(file + ": cannot read the inventory (" + ex.getMessage() + ")", ex);
		}
		String name = file.getFileName().toString();
		AnsibleInventory inventory = new AnsibleInventory();
		if (name.endsWith(".yml") || name.endsWith(".yaml") || text.stripLeading().startsWith("---")) {
			inventory.readYaml(file, text);
		}
		else {
			new IniInventory(inventory, file).read(text);
		}
		return inventory;
	}

	/** Every host, in the order first named, with its variables and groups. */
	public List<InventoryHost> hosts() {
		List<InventoryHost> hosts = new ArrayList<>();
		for (String host : this.hostVars.keySet()) {
			List<Group> memberOf = new ArrayList<>();
			for (Group group : this.groups.values()) {
				if (group.name.equals("all") || contains(group, host, new LinkedHashSet<>())) {
					memberOf.add(group);
				}
			}
			memberOf.sort(Comparator.comparingInt((Group g) -> depth(g, new LinkedHashSet<>())).thenComparing(g -> g.name));
			Map<String, String> vars = new LinkedHashMap<>();
			memberOf.forEach(group -> vars.putAll(group.vars));
			vars.putAll(this.hostVars.get(host));
			hosts.add(new InventoryHost(host, vars,
					memberOf.stream().map(g -> g.name).filter(g -> !g.equals("all")).toList()));
		}
		return hosts;
	}

	/**
	 * The hosts an Ansible host pattern selects ({@code --limit}), in inventory order: names and groups,
	 * {@code all} or {@code *}, globs ({@code web*}), {@code ~regex}, separated by {@code :} or {@code ,}; a term
	 * prefixed {@code &} intersects, {@code !} excludes (as Ansible: unions first, then intersections, then
	 * exclusions).
	 * @throws AnsibleException when a term matches no host and no group
	 */
	public List<InventoryHost> limit(String pattern) {
		List<InventoryHost> all = hosts();
		String[] terms = pattern.contains(",") ? pattern.split(",") : pattern.split(":");
		Set<String> chosen = new LinkedHashSet<>();
		List<Set<String>> intersections = new ArrayList<>();
		Set<String> excluded = new LinkedHashSet<>();
		boolean unionSeen = false;
		for (String raw : terms) {
			String term = raw.strip();
			if (term.isEmpty()) {
				continue;
			}
			char op = term.charAt(0);
			String body = op == '&' || op == '!' ? term.substring(1).strip() : term;
			Set<String> matched = matching(all, body);
			if (matched.isEmpty()) {
				throw new AnsibleException("--limit " + pattern + ": '" + body + "' matches no host and no group");
			}
			switch (op) {
				case '&' -> intersections.add(matched);
				case '!' -> excluded.addAll(matched);
				default -> {
					unionSeen = true;
					chosen.addAll(matched);
				}
			}
		}
		if (!unionSeen) {
			all.forEach(host -> chosen.add(host.name()));
		}
		intersections.forEach(chosen::retainAll);
		chosen.removeAll(excluded);
		return all.stream().filter(host -> chosen.contains(host.name())).toList();
	}

	private static Set<String> matching(List<InventoryHost> hosts, String term) {
		java.util.function.Predicate<String> names;
		if (term.equals("all") || term.equals("*")) {
			names = name -> true;
		}
		else if (term.startsWith("~")) {
			java.util.regex.Pattern regex = java.util.regex.Pattern.compile(term.substring(1));
			names = name -> regex.matcher(name).find();
		}
		else if (term.matches(".*[*?\\[].*")) {
			java.util.regex.Pattern glob = java.util.regex.Pattern.compile(globRegex(term));
			names = name -> glob.matcher(name).matches();
		}
		else {
			names = term::equals;
		}
		Set<String> matched = new LinkedHashSet<>();
		for (InventoryHost host : hosts) {
			if (names.test(host.name()) || host.groups().stream().anyMatch(names)) {
				matched.add(host.name());
			}
		}
		return matched;
	}

	/** fnmatch's {@code *}, {@code ?} and {@code [...]} as a regular expression. */
	private static String globRegex(String glob) {
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < glob.length(); i++) {
			char c = glob.charAt(i);
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				case '[' -> {
					int end = glob.indexOf(']', i + 1);
					if (end < 0) {
						regex.append("\\[");
					}
					else {
						String set = glob.substring(i + 1, end);
						regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
						i = end;
					}
				}
				default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
			}
		}
		return regex.toString();
	}

	/** Every group name but {@code all}. */
	public Set<String> groupNames() {
		Set<String> names = new LinkedHashSet<>(this.groups.keySet());
		names.remove("all");
		return names;
	}

	Group group(String name) {
		return this.groups.computeIfAbsent(name, Group::new);
	}

	void host(String group, String host, Map<String, String> vars) {
		this.hostVars.computeIfAbsent(host, h -> new LinkedHashMap<>()).putAll(vars);
		group(group).hosts.add(host);
	}

	private boolean contains(Group group, String host, Set<String> seen) {
		if (!seen.add(group.name)) {
			return false;
		}
		if (group.hosts.contains(host)) {
			return true;
		}
		for (String child : group.children) {
			if (contains(group(child), host, seen)) {
				return true;
			}
		}
		return false;
	}

	/** How far below {@code all} a group sits: parents' variables are applied before their children's. */
	private int depth(Group group, Set<String> seen) {
		if (group.name.equals("all") || !seen.add(group.name)) {
			return 0;
		}
		int depth = 1;
		for (Group parent : this.groups.values()) {
			if (parent.children.contains(group.name)) {
				depth = Math.max(depth, 1 + depth(parent, seen));
			}
		}
		return depth;
	}

	private void readYaml(Path file, String text) {
		JsonNode root;
		try {
			root = new YAMLMapper().readTree(text);
		}
		catch (JsonProcessingException ex) {
			int line = ex.getLocation() == null ? 0 : ex.getLocation().getLineNr();
			throw new AnsibleException(file + ":" + line + ": not a YAML inventory (" + ex.getOriginalMessage() + ")", ex);
		}
		if (root == null || root.isNull()) {
			return;
		}
		if (!root.isObject()) {
			throw new AnsibleException(file + ": a YAML inventory maps group names to groups");
		}
		root.properties().forEach(entry -> yamlGroup(file, entry.getKey(), entry.getValue()));
	}

	private void yamlGroup(Path file, String name, JsonNode node) {
		Group group = group(name);
		if (node == null || node.isNull()) {
			return;
		}
		if (!node.isObject()) {
			throw new AnsibleException(file + ": group " + name + " must be a mapping (hosts, vars, children)");
		}
		JsonNode hosts = node.get("hosts");
		if (hosts != null && hosts.isObject()) {
			hosts.properties().forEach(host -> {
				for (String expanded : IniInventory.expand(file, 0, host.getKey())) {
					host(name, expanded, scalars(host.getValue()));
				}
			});
		}
		JsonNode vars = node.get("vars");
		if (vars != null) {
			group.vars.putAll(scalars(vars));
		}
		JsonNode children = node.get("children");
		if (children != null && children.isObject()) {
			children.properties().forEach(child -> {
				group.children.add(child.getKey());
				yamlGroup(file, child.getKey(), child.getValue());
			});
		}
	}

	/** A mapping's values as text (nested values as their JSON). */
	private static Map<String, String> scalars(JsonNode node) {
		Map<String, String> values = new LinkedHashMap<>();
		if (node != null && node.isObject()) {
			node.properties().forEach(e -> values.put(e.getKey(),
					e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
		}
		return values;
	}

	/** A group as written: its own hosts, variables and child groups. */
	static final class Group {

		final String name;

		final Set<String> hosts = new LinkedHashSet<>();

		final Map<String, String> vars = new LinkedHashMap<>();

		final Set<String> children = new LinkedHashSet<>();

		Group(String name) {
			this.name = name;
		}

	}

}
