package dev.runbookshell.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --limit}: Ansible's host patterns over an inventory. */
class InventoryLimitTest {

	@TempDir
	Path dir;

	private AnsibleInventory inventory;

	@BeforeEach
	void inventory() throws Exception {
		this.inventory = AnsibleInventory.read(Files.writeString(this.dir.resolve("hosts"), """
				[web]
				web[1:3]

				[db]
				db1
				db2

				[canary]
				web1
				db1

				[prod:children]
				web
				db
				"""));
	}

	private List<String> limit(String pattern) {
		return this.inventory.limit(pattern).stream().map(InventoryHost::name).toList();
	}

	@Test
	void namesAndGroupsJoinedByColonOrCommaInInventoryOrder() {
		assertThat(limit("db2:web")).containsExactly("web1", "web2", "web3", "db2");
		assertThat(limit("db,web3")).containsExactly("web3", "db1", "db2");
		assertThat(limit("all")).hasSize(5);
	}

	@Test
	void intersectionAndExclusion() {
		assertThat(limit("prod:&canary")).containsExactly("web1", "db1");
		assertThat(limit("web:!web2")).containsExactly("web1", "web3");
		assertThat(limit("!db")).containsExactly("web1", "web2", "web3");
	}

	@Test
	void globsAndRegexMatchHostsAndGroups() {
		assertThat(limit("web[12]")).containsExactly("web1", "web2");
		assertThat(limit("d*")).containsExactly("db1", "db2");
		assertThat(limit("can*")).containsExactly("web1", "db1");
		assertThat(limit("~^web[23]$")).containsExactly("web2", "web3");
	}

	@Test
	void aTermThatMatchesNothingIsRefusedByName() {
		assertThatThrownBy(() -> limit("web:wbe9")).isInstanceOf(AnsibleException.class)
			.hasMessage("--limit web:wbe9: 'wbe9' matches no host and no group");
	}

}
