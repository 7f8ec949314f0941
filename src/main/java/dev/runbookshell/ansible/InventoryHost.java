package dev.runbookshell.ansible;

import java.util.List;
import java.util.Map;

/**
 * One host of an Ansible inventory with its variables resolved (the {@code all} group's, then each group's from
 * the outermost to the innermost, then its own) and every group it belongs to.
 *
 * @param name the inventory name ({@code inventory_hostname})
 * @param vars its variables, values as written
 * @param groups the groups it is in, directly or through a parent group, without {@code all}
 */
public record InventoryHost(String name, Map<String, String> vars, List<String> groups) {

	public InventoryHost {
		vars = Map.copyOf(vars);
		groups = List.copyOf(groups);
	}

	/** {@code ansible_host}, else the name. */
	public String address() {
		return this.vars.getOrDefault("ansible_host", this.name);
	}

	/** {@code ansible_port}, or null for the connection's default. */
	public Integer port() {
		String port = this.vars.get("ansible_port");
		try {
			return port == null ? null : Integer.valueOf(port.strip());
		}
		catch (NumberFormatException ex) {
			throw new AnsibleException("host " + this.name + ": ansible_port '" + port + "' is not a port number");
		}
	}

	/** {@code ansible_user}, or null. */
	public String user() {
		return this.vars.get("ansible_user");
	}

	/** {@code ansible_ssh_private_key_file} (or {@code ansible_private_key_file}), or null. */
	public String identityFile() {
		return this.vars.getOrDefault("ansible_ssh_private_key_file", this.vars.get("ansible_private_key_file"));
	}

}
