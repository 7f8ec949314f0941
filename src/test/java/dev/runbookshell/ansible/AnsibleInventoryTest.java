package dev.runbookshell.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Existing Ansible inventories, INI and YAML, read as Ansible reads them. */
class AnsibleInventoryTest {

	@TempDir
	Path dir;

	private Map<String, InventoryHost> read(String name, String text) throws Exception {
		return AnsibleInventory.read(Files.writeString(this.dir.resolve(name), text)).hosts().stream()
			.collect(Collectors.toMap(InventoryHost::name, Function.identity()));
	}

	@Test
	void iniGroupsChildrenVariablesRangesPortsAndQuotes() throws Exception {
		Map<String, InventoryHost> hosts = read("hosts", """
				# a comment
				bastion.example.com:2222 ansible_user=ops

				[web]
				web[01:03].example.com ansible_ssh_private_key_file=~/.ssh/web ; trailing words are not comments here
				db1 ansible_host=10.0.0.9 ansible_ssh_common_args='-o ProxyJump=bastion.example.com'

				[web:vars]
				ansible_user=deploy
				ansible_port=2200

				[prod:children]
				web

				[prod:vars]
				ansible_user=prod-user
				""".replace(" ; trailing words are not comments here", ""));

		assertThat(hosts).containsOnlyKeys("bastion.example.com", "web01.example.com", "web02.example.com",
				"web03.example.com", "db1");
		assertThat(hosts.get("bastion.example.com").port()).isEqualTo(2222);
		assertThat(hosts.get("bastion.example.com").user()).isEqualTo("ops");
		InventoryHost web2 = hosts.get("web02.example.com");
		assertThat(web2.user()).as("the child group's variable wins over its parent's").isEqualTo("deploy");
		assertThat(web2.port()).isEqualTo(2200);
		assertThat(web2.identityFile()).isEqualTo("~/.ssh/web");
		assertThat(web2.groups()).containsExactly("prod", "web");
		InventoryHost db1 = hosts.get("db1");
		assertThat(db1.address()).isEqualTo("10.0.0.9");
		assertThat(db1.vars().get("ansible_ssh_common_args")).isEqualTo("-o ProxyJump=bastion.example.com");
	}

	@Test
	void yamlHostsVarsAndChildren() throws Exception {
		Map<String, InventoryHost> hosts = read("hosts.yml", """
				all:
				  vars:
				    ansible_user: everyone
				  hosts:
				    lonely:
				  children:
				    db:
				      hosts:
				        db[a:b]:
				          ansible_port: 5432
				      vars:
				        ansible_user: postgres
				""");

		assertThat(hosts).containsOnlyKeys("lonely", "dba", "dbb");
		assertThat(hosts.get("lonely").user()).isEqualTo("everyone");
		assertThat(hosts.get("dbb").user()).isEqualTo("postgres");
		assertThat(hosts.get("dbb").port()).isEqualTo(5432);
		assertThat(hosts.get("dba").groups()).containsExactly("db");
	}

	@Test
	void badInputIsRefusedNamingTheFileAndLine() throws Exception {
		Path ini = Files.writeString(this.dir.resolve("broken"), "[web]\nweb1 ansible_user\n");
		Path quote = Files.writeString(this.dir.resolve("quote"), "web1 ansible_ssh_common_args='-o X\n");

		assertThatThrownBy(() -> AnsibleInventory.read(ini)).isInstanceOf(AnsibleException.class)
			.hasMessage(ini + ":2: expected key=value, not 'ansible_user'");
		assertThatThrownBy(() -> AnsibleInventory.read(quote)).isInstanceOf(AnsibleException.class)
			.hasMessage(quote + ":1: unclosed ' quote");
		assertThatThrownBy(() -> AnsibleInventory.read(this.dir.resolve("missing"))).isInstanceOf(AnsibleException.class)
			.hasMessageStartingWith(this.dir.resolve("missing") + ": cannot read the inventory");
	}

}
