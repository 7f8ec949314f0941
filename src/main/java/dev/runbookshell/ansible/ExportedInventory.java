package dev.runbookshell.ansible;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.targets.TargetDefinition;
import dev.runbookshell.targets.ShellQuoting;

/**
 * The hosts an export runs on, as {@code inventory.yml}: the runbook's default target and the targets its blocks
 * name ({@code target=}), or the {@code --target} list (front-matter names or URIs), or an existing inventory.
 * Each target's user, port, identity file and known_hosts become Ansible's connection variables, so that
 * Ansible logs in as runbook-shell would and checks the same host keys.
 */
final class ExportedInventory {

	/** One host: its name and variables, and the groups it is in (only those of an existing inventory). */
	record Host(String name, Map<String, Object> vars, List<String> groups) {
	}

	private final List<Host> hosts = new ArrayList<>();

	private final Set<String> groups = new LinkedHashSet<>();

	private final List<String> notes = new ArrayList<>();

	private ExportedInventory() {
	}

	/** From the runbook's front matter, or from {@code targets} (names or URIs) when not empty. */
	static ExportedInventory of(Runbook runbook, List<String> targets, ExportWarnings warnings) {
		ExportedInventory inventory = new ExportedInventory();
		Map<String, TargetDefinition> declared = runbook.frontMatter().targets();
		if (!targets.isEmpty()) {
			for (String target : targets) {
				TargetDefinition spec = declared.get(target);
				if (spec == null && !target.equals("local") && !target.contains("://")) {
					throw new AnsibleException("unknown target '" + target + "': not in the front matter of "
							+ runbook.file() + (declared.isEmpty() ? "" : " (" + String.join(", ", declared.keySet()) + ")")
							+ " and not a URI (local, ssh://user@host:port, docker://container)");
				}
				String name = spec != null ? spec.name() : inventory.nameFor(target);
				inventory.add(name, spec != null ? spec.uri() : target, spec != null ? spec.options() : Map.of(), true,
						warnings);
			}
			return inventory;
		}
		Set<String> chosen = new LinkedHashSet<>();
		chosen.add(runbook.frontMatter().defaultTarget() != null ? runbook.frontMatter().defaultTarget() : "local");
		if (runbook.frontMatter().defaultTarget() == null) {
			warnings.add(1, "the front matter names no default-target: inventory.yml names this machine (local), as "
					+ "runbook run would run here; export with --target or --inventory for the hosts it is meant for");
		}
		runbook.executableBlocks().stream().map(Block::annotations).forEach(a -> a.target().ifPresent(chosen::add));
		for (String name : chosen) {
			TargetDefinition spec = declared.get(name);
			if (spec != null) {
				inventory.add(name, spec.uri(), spec.options(), false, warnings);
			}
			else if (name.equals("local") || name.contains("://")) {
				inventory.add(name.equals("local") ? "local" : inventory.nameFor(name), name, Map.of(), false, warnings);
			}
		}
		declared.keySet().stream().filter(name -> !chosen.contains(name))
			.forEach(name -> inventory.notes.add("target " + name + " (" + declared.get(name).uri()
					+ ") of the front matter is not here: export with --target " + name + " to run on it"));
		return inventory;
	}

	/** From an existing Ansible inventory: its hosts, their resolved variables and groups. */
	static ExportedInventory of(AnsibleInventory existing) {
		ExportedInventory inventory = new ExportedInventory();
		for (InventoryHost host : existing.hosts()) {
			inventory.hosts.add(new Host(host.name(), new LinkedHashMap<>(host.vars()), host.groups()));
		}
		inventory.groups.addAll(existing.groupNames());
		return inventory;
	}

	/** Whether a block's {@code target=} names a host or a group here. */
	boolean knows(String target) {
		return this.groups.contains(target) || this.hosts.stream().anyMatch(h -> h.name().equals(target));
	}

	List<Host> hosts() {
		return List.copyOf(this.hosts);
	}

	/** Front-matter targets left out, for the inventory's header. */
	List<String> notes() {
		return List.copyOf(this.notes);
	}

	/** The inventory document: pipelining on for every host, the hosts, and a group per existing group. */
	Map<String, Object> document() {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("vars", Map.of("ansible_pipelining", true));
		Map<String, Object> hostMap = new LinkedHashMap<>();
		this.hosts.forEach(host -> hostMap.put(host.name(), host.vars()));
		all.put("hosts", hostMap);
		Map<String, Object> children = new LinkedHashMap<>();
		for (String group : this.groups) {
			Map<String, Object> members = new LinkedHashMap<>();
			this.hosts.stream().filter(h -> h.groups().contains(group)).forEach(h -> members.put(h.name(), Map.of()));
			children.put(group, Map.of("hosts", members));
		}
		if (!children.isEmpty()) {
			all.put("children", children);
		}
		return Map.of("all", all);
	}

	private void add(String name, String uri, Map<String, String> specOptions, boolean asked, ExportWarnings warnings) {
		Map<String, String> options = new LinkedHashMap<>(query(name, uri));
		options.putAll(specOptions);
		String bare = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
		Map<String, Object> vars = new LinkedHashMap<>();
		if (bare.equals("local")) {
			vars.put("ansible_connection", "local");
			vars.put("ansible_python_interpreter", "{{ ansible_playbook_python }}");
		}
		else if (bare.startsWith("ssh://")) {
			ssh(name, bare, options, vars, warnings);
		}
		else if (bare.startsWith("docker://") && bare.length() > "docker://".length()) {
			vars.put("ansible_connection", "community.docker.docker");
			vars.put("ansible_host", bare.substring("docker://".length()));
			warnings.add(1, "target " + name + " is a container: Ansible needs Python 3 inside it to run a task");
		}
		else if (bare.startsWith("docker+image://")) {
			String why = "target " + name + " (" + uri + ") is a throwaway container from an image: Ansible has no "
					+ "inventory entry for that; start a container and name it docker://NAME";
			if (asked) {
				throw new AnsibleException(why);
			}
			warnings.add(1, why + " (left out of inventory.yml)");
			return;
		}
		else {
			throw new AnsibleException("target '" + name + "': invalid URI '" + uri
					+ "': use local, ssh://user@host:port or docker://container");
		}
		this.hosts.add(new Host(name, vars, List.of()));
	}

	private static void ssh(String name, String uri, Map<String, String> options, Map<String, Object> vars,
			ExportWarnings warnings) {
		URI parsed;
		try {
			parsed = new URI(uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri);
		}
		catch (URISyntaxException ex) {
			throw new AnsibleException("target '" + name + "': invalid URI '" + uri + "': " + ex.getReason(), ex);
		}
		if (parsed.getHost() == null) {
			throw new AnsibleException("target '" + name + "': invalid URI '" + uri + "': expected ssh://[user@]host[:port]");
		}
		String host = parsed.getHost().startsWith("[") ? parsed.getHost().substring(1, parsed.getHost().length() - 1)
				: parsed.getHost();
		vars.put("ansible_connection", "ssh");
		vars.put("ansible_host", host);
		if (parsed.getPort() > 0) {
			vars.put("ansible_port", parsed.getPort());
		}
		if (parsed.getUserInfo() != null) {
			vars.put("ansible_user", parsed.getUserInfo());
		}
		String identity = options.get("identity");
		if (identity != null && !identity.isBlank()) {
			vars.put("ansible_ssh_private_key_file", identity.split(",")[0].strip());
			if (identity.contains(",")) {
				warnings.add(1, "target " + name + " names several identity files: Ansible is given the first, "
						+ identity.split(",")[0].strip());
			}
		}
		List<String> args = new ArrayList<>();
		if (options.get("known-hosts") != null) {
			args.add("-o " + word("UserKnownHostsFile=" + options.get("known-hosts")));
		}
		if (options.get("proxy-jump") != null && !options.get("proxy-jump").equalsIgnoreCase("none")) {
			args.add("-o " + word("ProxyJump=" + options.get("proxy-jump")));
		}
		if (Boolean.parseBoolean(options.getOrDefault("accept-new-host-key", "false"))) {
			args.add("-o StrictHostKeyChecking=accept-new");
		}
		if (!args.isEmpty()) {
			vars.put("ansible_ssh_common_args", String.join(" ", args));
		}
		String passwordVar = options.get("password-var");
		if (passwordVar != null && !passwordVar.isBlank()) {
			vars.put("ansible_password", "{{ lookup('env', '" + passwordVar.replaceAll("[^A-Za-z0-9_]", "") + "') }}");
			warnings.add(1, "target " + name + " logs in with the password in $" + passwordVar
					+ ": Ansible needs sshpass for that");
		}
	}

	/** One word of ssh's arguments (Ansible splits them as a shell would): quoted only when it must be. */
	private static String word(String text) {
		return text.matches("[A-Za-z0-9_./=:@%+,~-]+") ? text : ShellQuoting.singleQuoted(text);
	}

	private static Map<String, String> query(String name, String uri) {
		Map<String, String> options = new LinkedHashMap<>();
		int question = uri.indexOf('?');
		if (question < 0) {
			return options;
		}
		for (String pair : uri.substring(question + 1).split("&")) {
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				throw new AnsibleException("target '" + name + "': invalid URI '" + uri + "': query parameter '" + pair
						+ "' is not key=value");
			}
			options.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return options;
	}

	/** A name for a target given as a URI: its host, with the port when there is one, unique here. */
	private String nameFor(String uri) {
		String rest = uri.replaceFirst("^[a-z+]+://", "").replaceFirst("\\?.*$", "").replaceFirst("^[^@]*@", "");
		String base = rest.replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^-+|-+$", "");
		String name = base.isEmpty() ? "host" : base;
		for (int n = 2; knows(name); n++) {
			name = base + "-" + n;
		}
		return name;
	}

}
