package dev.runbookshell.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.runbookshell.ansible.AnsibleInventory;
import dev.runbookshell.ansible.InventoryHost;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.targets.TargetDefinition;

/**
 * Which targets a run is for: every {@code --target} value (comma-separated names, repeated options merged in
 * order, never dropped), front-matter groups expanded to their members, URIs as they are; or the hosts of an
 * Ansible inventory chosen by {@code --limit}. A name that is none of these refuses the run, all such names in
 * one line.
 */
public final class FleetTargets {

	/** Inventory host variables with this prefix set target options ({@code runbook_known_hosts}). */
	static final String OPTION_PREFIX = "runbook_";

	private FleetTargets() {
	}

	/**
	 * @param given each {@code --target} value as typed (empty: the runbook's default)
	 * @param single how the single-target run turns one name into a definition
	 * @throws FleetException naming every unknown target
	 */
	public static List<TargetDefinition> choose(Runbook runbook, List<String> given,
			Function<String, TargetDefinition> single) {
		List<String> names = new ArrayList<>();
		for (String value : given) {
			for (String part : value.split(",")) {
				if (!part.isBlank()) {
					names.add(part.trim());
				}
			}
		}
		if (names.isEmpty()) {
			return List.of(single.apply(null));
		}
		Map<String, List<String>> groups = runbook.frontMatter().targetGroups();
		Set<String> expanded = new LinkedHashSet<>();
		Set<String> unknown = new LinkedHashSet<>();
		for (String name : names) {
			expand(name, groups, runbook, expanded, unknown, new LinkedHashSet<>());
		}
		if (!unknown.isEmpty()) {
			Set<String> known = new LinkedHashSet<>(runbook.frontMatter().targets().keySet());
			known.addAll(groups.keySet());
			throw new FleetException("unknown target" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
					+ ": not in the front matter of " + runbook.file()
					+ (known.isEmpty() ? "" : " (" + String.join(", ", known) + ")")
					+ " and not a URI (local, ssh://user@host, docker://container)");
		}
		return expanded.stream().map(single).toList();
	}

	private static void expand(String name, Map<String, List<String>> groups, Runbook runbook, Set<String> into,
			Set<String> unknown, Set<String> seen) {
		List<String> members = groups.get(name);
		if (members != null) {
			if (seen.add(name)) {
				members.forEach(member -> expand(member, groups, runbook, into, unknown, seen));
			}
			return;
		}
		if (runbook.frontMatter().targets().containsKey(name) || name.equals("local") || name.contains("://")) {
			into.add(name);
		}
		else {
			unknown.add(name);
		}
	}

	/**
	 * The hosts of an Ansible inventory ({@code pattern} as {@code --limit}, null for all) as targets named as in
	 * the inventory: {@code ansible_connection=local} is {@code local}, {@code docker} a container named by
	 * {@code ansible_host}, else SSH to {@code ansible_user@ansible_host:ansible_port} with
	 * {@code ansible_ssh_private_key_file} as identity.
	 */
	public static List<TargetDefinition> fromInventory(Path file, String pattern) {
		AnsibleInventory inventory = AnsibleInventory.read(file);
		List<InventoryHost> hosts = pattern == null || pattern.isBlank() ? inventory.hosts()
				: inventory.limit(pattern);
		if (hosts.isEmpty()) {
			throw new FleetException(file + ": no hosts" + (pattern == null ? "" : " match --limit " + pattern));
		}
		return hosts.stream().map(FleetTargets::definition).toList();
	}

	static TargetDefinition definition(InventoryHost host) {
		Map<String, String> options = new LinkedHashMap<>();
		host.vars().forEach((key, value) -> {
			if (key.startsWith(OPTION_PREFIX)) {
				options.put(key.substring(OPTION_PREFIX.length()).replace('_', '-'), value);
			}
		});
		if (host.identityFile() != null) {
			options.put("identity", host.identityFile());
		}
		String connection = host.vars().getOrDefault("ansible_connection", "ssh");
		String uri = switch (connection) {
			case "local" -> "local";
			case "docker", "community.docker.docker" -> "docker://" + host.address();
			default -> "ssh://" + (host.user() == null ? "" : host.user() + "@") + bracketed(host.address())
					+ (host.port() == null ? "" : ":" + host.port());
		};
		return new TargetDefinition(host.name(), uri, options);
	}

	private static String bracketed(String address) {
		return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
	}

}
