package dev.runbookshell.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.RunbookParser;
import dev.runbookshell.targets.TargetDefinition;

/** Choosing a fleet's targets: names, groups, URIs, repeated options, inventories. */
class FleetTargetsTest {

	@TempDir
	Path dir;

	private static final String PLAN = """
			---
			targets:
			  web1: ssh://deploy@10.0.0.1
			  web2: {uri: "ssh://deploy@10.0.0.2:2222", identity: ~/.ssh/web}
			  db: docker://db
			  web: [web1, web2]
			  all-of-it: [web, db, local]
			---
			# Plan

			```bash
			true
			```
			""";

	private static Runbook runbook() throws Exception {
		return new RunbookParser().parse("plan.md", PLAN);
	}

	private static List<String> names(List<String> given) throws Exception {
		Runbook runbook = runbook();
		return FleetTargets.choose(runbook, given, name -> definition(runbook, name)).stream()
			.map(TargetDefinition::name).toList();
	}

	/** As the single-target run resolves one name. */
	private static TargetDefinition definition(Runbook runbook, String name) {
		var spec = runbook.frontMatter().targets().get(name);
		return spec != null ? new TargetDefinition(name, spec.uri(), spec.options())
				: new TargetDefinition(name, name, Map.of());
	}

	@Test
	void commaSeparatedNamesUrisAndMixedTransports() throws Exception {
		assertThat(names(List.of("web1,db,docker://other,local"))).containsExactly("web1", "db", "docker://other",
				"local");
	}

	@Test
	void aRepeatedTargetIsMergedNeverDroppedAndDuplicatesCountOnce() throws Exception {
		assertThat(names(List.of("db", "web1", "db"))).containsExactly("db", "web1");
	}

	@Test
	void groupsExpandToTheirMembersAndMayNameGroups() throws Exception {
		assertThat(names(List.of("web"))).containsExactly("web1", "web2");
		assertThat(names(List.of("all-of-it"))).containsExactly("web1", "web2", "db", "local");
	}

	@Test
	void everyUnknownNameIsRefusedInOneLine() {
		assertThatThrownBy(() -> names(List.of("web1,wbe2", "dbb"))).isInstanceOf(FleetException.class)
			.hasMessageStartingWith("unknown targets wbe2, dbb: not in the front matter of plan.md")
			.hasMessageNotContaining("\n");
	}

	@Test
	void inventoryHostsBecomeSshLocalOrDockerTargetsNamedAsInTheInventory() throws Exception {
		Path inventory = Files.writeString(this.dir.resolve("hosts.yml"), """
				all:
				  children:
				    web:
				      hosts:
				        web1: {ansible_host: 127.0.0.1, ansible_port: 2201, ansible_user: deploy,
				               ansible_ssh_private_key_file: /keys/id, runbook_known_hosts: /keys/kh}
				        "::1": {ansible_port: 2202}
				    other:
				      hosts:
				        here: {ansible_connection: local}
				        box: {ansible_connection: docker, ansible_host: box-container}
				""");
		List<TargetDefinition> targets = FleetTargets.fromInventory(inventory, null);
		assertThat(targets).extracting(TargetDefinition::name).containsExactly("web1", "::1", "here", "box");
		assertThat(targets).extracting(TargetDefinition::uri).containsExactly("ssh://deploy@127.0.0.1:2201",
				"ssh://[::1]:2202", "local", "docker://box-container");
		assertThat(targets.get(0).options()).containsEntry("identity", "/keys/id")
			.containsEntry("known-hosts", "/keys/kh");
		assertThat(FleetTargets.fromInventory(inventory, "other:!box")).extracting(TargetDefinition::name)
			.containsExactly("here");
	}

}
