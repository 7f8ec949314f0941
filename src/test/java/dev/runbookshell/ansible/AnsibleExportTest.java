package dev.runbookshell.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.runbook.ParseResult;
import dev.runbookshell.runbook.RunbookParser;

/** What {@code export --format ansible} writes, read back as YAML the way Ansible reads it. */
class AnsibleExportTest {

	private static final YAMLMapper YAML = new YAMLMapper();

	@TempDir
	Path dir;

	private static final String RUNBOOK = """
			---
			title: Export me
			default-target: db
			targets:
			  db:
			    uri: ssh://deploy@db1.internal:2222
			    identity: ~/.ssh/deploy_ed25519
			    known-hosts: /etc/ssh/known_hosts.d/db
			  app: ssh://app1.internal
			  spare: ssh://spare.internal
			variables:
			  DUMP_DIR:
			    default: /var/backups
			  DB_PASSWORD:
			    prompt: Password of the app role
			    secret: true
			    default: do-not-copy-me
			  IMAGE:
			    default: registry/app:1
			    pattern: "^[a-z0-9/:.-]+$"
			env:
			  LANG: C
			timeout: 10m
			---

			# Export me

			## Prepare

			```bash {name=backup}
			mkdir -p "$DUMP_DIR"
			pg_dump -h <db-host> -f "$DUMP_DIR/db.dump" {{ not_jinja }}
			```

			- [ ] the dump is on the backup disk

			```bash {name=rotate-password target=app}
			psql -c "ALTER ROLE app PASSWORD '$DB_PASSWORD';"
			```

			## Cut over

			```bash {name=switch confirm=typed exit=0,3 expect="/switched to [a-z]+/" retries=2 timeout=90s}
			echo switched to new
			```

			```bash {name=optional excludeFromRunAll=true}
			echo only when asked
			```

			```bash {name=type-here interactive=true confirm=never}
			read -r answer
			```

			## Rollback

			```bash {name=switch-back rollback=switch}
			echo back
			```
			""";

	private ParseResult parse(String markdown) throws Exception {
		return new RunbookParser().read("runbooks/export-me.md", markdown);
	}

	private AnsibleExport.Result export(String markdown, List<String> targets, Path inventory, boolean check)
			throws Exception {
		return new AnsibleExport().write(parse(markdown), new AnsibleExport.Request(this.dir, targets, inventory, check));
	}

	private JsonNode read(String file) throws Exception {
		return YAML.readTree(this.dir.resolve(file).toFile());
	}

	private static List<JsonNode> tasks(JsonNode playbook) {
		List<JsonNode> tasks = new ArrayList<>();
		playbook.get(0).get("tasks").forEach(tasks::add);
		return tasks;
	}

	private static JsonNode shellTask(JsonNode playbook, String name) {
		return tasks(playbook).stream().filter(t -> t.get("name").asText().equals(name) && t.has("ansible.builtin.shell"))
			.findFirst().orElseThrow(() -> new AssertionError("no shell task " + name));
	}

	@Test
	void everyFlowBlockIsOneShellTaskNamedAndTaggedByIdAndNameInOrder() throws Exception {
		export(RUNBOOK, List.of(), null, false);
		JsonNode playbook = read("playbook.yml");

		List<String> shells = tasks(playbook).stream().filter(t -> t.has("ansible.builtin.shell"))
			.map(t -> t.get("name").asText()).toList();
		assertThat(shells).containsExactly("1.1 backup", "1.2 rotate-password", "2.1 switch", "2.2 optional",
				"2.3 type-here");
		JsonNode backup = shellTask(playbook, "1.1 backup");
		assertThat(backup.get("tags")).extracting(JsonNode::asText).containsExactly("1.1", "backup");
		assertThat(backup.at("/ansible.builtin.shell/executable").asText()).isEqualTo("/bin/bash");
		assertThat(playbook.get(0).get("hosts").asText()).isEqualTo("all");
		assertThat(playbook.get(0).get("name").asText()).startsWith("runbook-shell: runbooks/export-me.md (sha256:");
		assertThat(Files.readString(this.dir.resolve("rollback.yml"))).contains("- name: 3.1 switch-back");
		assertThat(Files.readString(this.dir.resolve("playbook.yml"))).doesNotContain("switch-back")
			.contains("The outcome rule, the same as runbook-shell's");
	}

	@Test
	void aBlocksTextIsUnsafeSoAnsibleNeverTemplatesIt() throws Exception {
		export(RUNBOOK, List.of(), null, false);

		String playbook = Files.readString(this.dir.resolve("playbook.yml"));

		assertThat(playbook).contains("cmd: !unsafe |").contains("{{ not_jinja }}");
		assertThat(shellTask(read("playbook.yml"), "1.1 backup").at("/ansible.builtin.shell/cmd").asText())
			.contains("pg_dump -h \"${db_host}\" -f \"$DUMP_DIR/db.dump\" {{ not_jinja }}\n");
	}

	@Test
	void variablesAreVarsPlaceholdersArePromptedAndSecretsArePrivateOnStdinAndNoLog() throws Exception {
		export(RUNBOOK, List.of(), null, false);
		JsonNode play = read("playbook.yml").get(0);

		assertThat(play.at("/vars/DUMP_DIR").asText()).isEqualTo("/var/backups");
		assertThat(play.at("/vars/runbook_yes").asBoolean()).isFalse();
		assertThat(play.get("vars").has("DB_PASSWORD")).isFalse();
		List<String> prompted = new ArrayList<>();
		play.get("vars_prompt").forEach(p -> prompted.add(p.get("name").asText() + " private=" + p.get("private").asBoolean()));
		assertThat(prompted).containsExactly("DB_PASSWORD private=true", "db_host private=false");
		JsonNode backup = shellTask(read("playbook.yml"), "1.1 backup");
		assertThat(backup.at("/environment/db_host").asText()).isEqualTo("{{ db_host }}");
		assertThat(backup.at("/environment/LANG").asText()).isEqualTo("C");
		assertThat(backup.has("no_log")).isFalse();
		JsonNode rotate = shellTask(read("playbook.yml"), "1.2 rotate-password");
		assertThat(rotate.get("no_log").asBoolean()).isTrue();
		assertThat(rotate.at("/ansible.builtin.shell/stdin").asText()).isEqualTo("DB_PASSWORD {{ DB_PASSWORD | b64encode }}\n");
		assertThat(rotate.get("environment").has("DB_PASSWORD")).isFalse();
		try (var files = Files.list(this.dir)) {
			for (Path file : files.toList()) {
				assertThat(Files.readString(file)).as(file.toString()).doesNotContain("do-not-copy-me");
			}
		}
		List<JsonNode> tasks = tasks(read("playbook.yml"));
		// after the checks that a value was given (aVariableNobodyGives...), before the first block
		JsonNode pattern = tasks.stream().filter(t -> !t.get("name").asText().contains(" has a value (")).findFirst()
			.orElseThrow();
		assertThat(pattern.get("name").asText()).isEqualTo("runbook-shell: IMAGE matches its pattern");
		assertThat(pattern.get("tags")).extracting(JsonNode::asText).containsExactly("always");
	}

	@Test
	void theOutcomeRuleIsFailedWhenUntilRetriesAndTimeout() throws Exception {
		export(RUNBOOK, List.of(), null, false);

		JsonNode task = shellTask(read("playbook.yml"), "2.1 switch");

		assertThat(task.at("/vars/runbook_accepted")).extracting(JsonNode::asInt).containsExactly(0, 3);
		assertThat(task.at("/vars/runbook_expect/0").asText()).isEqualTo("switched to [a-z]+");
		assertThat(task.get("failed_when").asText()).isEqualTo("runbook_result.rc | default(-1) not in runbook_accepted"
				+ " or (runbook_result.stdout | default('')) is not search(runbook_expect[0], multiline=True)");
		assertThat(task.get("until").asText()).isEqualTo("runbook_result is not failed");
		assertThat(task.get("retries").asInt()).isEqualTo(2);
		assertThat(task.get("delay").asInt()).isZero();
		// the task interrupts its block at timeout=; Ansible's own timeout is a backstop a little later
		assertThat(task.get("timeout").asInt()).isEqualTo(90 + BlockTasks.BACKSTOP_SECONDS);
		assertThat(task.at("/ansible.builtin.shell/cmd").asText()).contains(" __rb_timeout=90\n");
		assertThat(shellTask(read("playbook.yml"), "1.1 backup").get("timeout").asInt())
			.isEqualTo(600 + BlockTasks.BACKSTOP_SECONDS);
	}

	@Test
	void aRiskyBlockIsPrecededByAPauseThatRunbookYesSkipsAndAWrongAnswerStops() throws Exception {
		export(RUNBOOK, List.of(), null, false);
		List<JsonNode> tasks = tasks(read("playbook.yml"));

		int shell = tasks.indexOf(shellTask(read("playbook.yml"), "2.1 switch"));
		JsonNode pause = tasks.get(shell - 1);

		assertThat(pause.get("name").asText()).isEqualTo("2.1 switch");
		assertThat(pause.has("ansible.builtin.pause")).isTrue();
		assertThat(pause.get("when").asText()).isEqualTo("not (runbook_yes | bool)");
		assertThat(pause.get("any_errors_fatal").asBoolean()).isTrue();
		assertThat(pause.get("failed_when").asText()).contains("!= runbook_expected");
		assertThat(pause.at("/vars/runbook_question").asText()).isEqualTo("2.1 switch is risky (confirm=typed)");
		JsonNode beforeTypeHere = tasks.get(tasks.indexOf(shellTask(read("playbook.yml"), "2.3 type-here")) - 1);
		assertThat(beforeTypeHere.has("ansible.builtin.pause")).isFalse();
	}

	@Test
	void aChecklistItemIsAPauseBeforeTheNextBlock() throws Exception {
		export(RUNBOOK, List.of(), null, false);
		List<JsonNode> tasks = tasks(read("playbook.yml"));

		JsonNode check = tasks.stream().filter(t -> t.get("name").asText().startsWith("check line ")).findFirst().orElseThrow();

		int line = parse(RUNBOOK).runbook().checklists().get(0).line();
		assertThat(check.get("name").asText()).isEqualTo("check line " + line + ": the dump is on the backup disk");
		assertThat(tasks.indexOf(check)).isEqualTo(tasks.indexOf(shellTask(read("playbook.yml"), "1.2 rotate-password")) - 1);
		assertThat(check.get("tags")).extracting(JsonNode::asText).containsExactly("checklist", "1.2", "rotate-password");
		assertThat(check.get("when").asText()).isEqualTo("not (runbook_yes | bool)");
	}

	@Test
	void aTargetAnnotationRunsTheBlockOnThatHostOrGroupAndExcludedBlocksAreTaggedNever() throws Exception {
		AnsibleExport.Result result = export(RUNBOOK, List.of(), null, false);

		JsonNode rotate = shellTask(read("playbook.yml"), "1.2 rotate-password");
		assertThat(rotate.get("when").asText()).isEqualTo("runbook_target in group_names or inventory_hostname == runbook_target");
		assertThat(rotate.at("/vars/runbook_target").asText()).isEqualTo("app");
		assertThat(shellTask(read("playbook.yml"), "2.2 optional").get("tags")).extracting(JsonNode::asText)
			.containsExactly("never", "2.2", "optional");
		assertThat(result.hosts()).containsExactly("db", "app");
	}

	@Test
	void whatAnsibleRunsDifferentlyIsExportedWithACommentAndAWarningNamingTheLine() throws Exception {
		AnsibleExport.Result result = export(RUNBOOK, List.of(), null, false);

		int line = parse(RUNBOOK).runbook().find("type-here").orElseThrow().line();
		assertThat(result.warnings()).extracting(ExportWarning::format).anyMatch(w -> w.startsWith(
				"runbooks/export-me.md:" + line + ": warning: block 2.3 type-here is interactive=true"));
		assertThat(shellTask(read("playbook.yml"), "2.3 type-here").at("/ansible.builtin.shell/cmd").asText())
			.contains("# runbook-shell: warning: block 2.3 type-here is interactive=true")
			.contains("read -r answer\n");
	}

	@Test
	void anSshLineInsideABlockIsKeptAndWarnedAbout() throws Exception {
		AnsibleExport.Result result = export("""
				```bash
				ssh admin@other.host
				uptime
				```
				""", List.of(), null, false);

		assertThat(result.warnings()).extracting(ExportWarning::format)
			.anyMatch(w -> w.startsWith("runbooks/export-me.md:2: warning: ") && w.contains("'ssh admin@other.host'"));
		JsonNode task = tasks(read("playbook.yml")).stream().filter(t -> t.has("ansible.builtin.shell")).findFirst()
			.orElseThrow();
		assertThat(task.at("/ansible.builtin.shell/cmd").asText()).contains("ssh admin@other.host\nuptime\n")
			.contains("# runbook-shell: warning: ");
	}

	@Test
	void everySshABlockRunsIsWarnedAboutWithOrWithoutACommandOrATimeout() throws Exception {
		AnsibleExport.Result result = export("""
				```bash {name=hop}
				ssh db1 uptime
				up=$(ssh -p 2222 db2 cat /proc/uptime)
				bash -c "ssh db3 hostname"
				echo "no ssh here: ssh is only a word"
				```

				```bash {name=bounded timeout=10s}
				ssh admin@db4
				```
				""", List.of(), null, false);

		List<String> warnings = result.warnings().stream().map(ExportWarning::format).toList();
		assertThat(warnings).anyMatch(w -> w.startsWith("runbooks/export-me.md:2: warning: block 0.1 hop runs 'ssh db1 uptime'"))
			.anyMatch(w -> w.startsWith("runbooks/export-me.md:3: warning: block 0.1 hop runs 'ssh -p 2222 db2 cat /proc/uptime'"))
			.anyMatch(w -> w.startsWith("runbooks/export-me.md:4: warning: block 0.1 hop runs 'ssh db3 hostname'"))
			.anyMatch(w -> w.startsWith("runbooks/export-me.md:9: warning: block 0.2 bounded runs 'ssh admin@db4'"))
			.noneMatch(w -> w.contains(":5: "));
		assertThat(warnings.stream().filter(w -> w.contains("under Ansible that ssh starts on each inventory host")))
			.hasSize(4);
		JsonNode playbook = read("playbook.yml");
		assertThat(shellTask(playbook, "0.1 hop").at("/ansible.builtin.shell/cmd").asText())
			.contains("# runbook-shell: warning: block 0.1 hop runs 'ssh db1 uptime'").contains("ssh db1 uptime\n");
		assertThat(shellTask(playbook, "0.2 bounded").at("/ansible.builtin.shell/cmd").asText())
			.contains("# runbook-shell: warning: block 0.2 bounded runs 'ssh admin@db4'");
	}

	@Test
	void aPromptEnvLineReadsItsVariableWhoseDefaultIsTheValueRunbookRunYesRunsItWith() throws Exception {
		export("""
				# Prompted

				```bash {name=set}
				export FOO=bar
				export ZONE="eu-west" # a suggestion
				export PROJECT=Enter your project id
				export EMPTY=
				echo "$FOO $ZONE $PROJECT $EMPTY"
				```
				""", List.of(), null, false);

		JsonNode playbook = read("playbook.yml");
		Map<String, JsonNode> prompts = new LinkedHashMap<>();
		playbook.get(0).get("vars_prompt").forEach(p -> prompts.put(p.get("name").asText(), p));
		assertThat(prompts.keySet()).containsExactly("FOO", "ZONE", "PROJECT", "EMPTY");
		assertThat(prompts.get("FOO").get("default").asText()).isEqualTo("bar");
		assertThat(prompts.get("ZONE").get("default").asText()).isEqualTo("eu-west");
		assertThat(prompts.get("PROJECT").has("default")).isFalse();
		assertThat(prompts.get("PROJECT").get("prompt").asText()).isEqualTo("PROJECT: Enter your project id");
		assertThat(prompts.get("EMPTY").has("default")).isFalse();
		prompts.values().forEach(p -> assertThat(p.get("unsafe").asBoolean()).as(p.toString()).isTrue());
		JsonNode task = shellTask(playbook, "0.1 set");
		assertThat(task.at("/ansible.builtin.shell/cmd").asText()).contains("""
				export FOO="$FOO"
				export ZONE="$ZONE" # a suggestion
				export PROJECT="$PROJECT"
				export EMPTY="$EMPTY"
				""");
		assertThat(task.at("/environment/FOO").asText()).isEqualTo("{{ FOO }}");
	}

	@Test
	void aLaterExportLineWritingAnotherValueIsWarnedAboutSinceAPlaybookGivesOneValue() throws Exception {
		AnsibleExport.Result result = export("""
				```bash {name=one}
				export FOO=bar
				```

				```bash {name=two}
				export FOO=baz
				export ZONE=eu
				```
				""", List.of(), null, false);

		assertThat(result.warnings()).extracting(ExportWarning::format).contains("runbooks/export-me.md:6: warning: "
				+ "export FOO=baz differs from line 2: under Ansible every export of FOO gets the one value given for it "
				+ "(-e FOO=VALUE), by default bar (the first line's)")
			.noneMatch(w -> w.contains("ZONE"));
	}

	@Test
	void theWarningAboutTwoExportLinesOfASecretNamesNeitherValue() throws Exception {
		AnsibleExport.Result result = export("""
				```bash {name=one}
				export API_TOKEN=first-t0ken
				```

				```bash {name=two}
				export API_TOKEN=second-t0ken
				```
				""", List.of(), null, false);

		assertThat(result.warnings()).extracting(ExportWarning::format)
			.anyMatch(w -> w.contains("export API_TOKEN=**** differs from line 2") && w.contains("by default ****"))
			.noneMatch(w -> w.contains("t0ken"));
	}

	@Test
	void aVariableNobodyGivesStopsThePlayBeforeItsFirstBlockNamingItAndHowToGiveIt() throws Exception {
		export(RUNBOOK, List.of(), null, false);

		List<JsonNode> tasks = tasks(read("playbook.yml"));
		List<String> names = tasks.stream().map(t -> t.get("name").asText()).toList();
		int firstBlock = names.indexOf("1.1 backup");
		JsonNode dbHost = tasks.get(names.indexOf("runbook-shell: db-host has a value (else give it with -e db_host=VALUE)"));
		JsonNode password = tasks.get(
				names.indexOf("runbook-shell: DB_PASSWORD has a value (else give it with -e DB_PASSWORD=VALUE)"));
		assertThat(names.indexOf(dbHost.get("name").asText())).isLessThan(firstBlock);
		assertThat(names.indexOf(password.get("name").asText())).isLessThan(firstBlock);
		assertThat(texts(dbHost.at("/ansible.builtin.assert/that"))).containsExactly("db_host | string != 'None'");
		assertThat(dbHost.at("/ansible.builtin.assert/fail_msg").asText()).isEqualTo("variable db-host has no value "
				+ "and nobody could be asked (ansible-playbook prompts only at a terminal): give it with -e "
				+ "db_host=VALUE (runbooks/export-me.md)");
		assertThat(texts(dbHost.get("tags"))).containsExactly("always");
		assertThat(dbHost.has("no_log")).isFalse();
		assertThat(password.get("no_log").asBoolean()).isTrue();
		// DUMP_DIR and IMAGE have defaults: nothing to check
		assertThat(names).noneMatch(n -> n.contains("DUMP_DIR has a value") || n.contains("IMAGE has a value"));
		assertThat(tasks(read("rollback.yml"))).extracting(t -> t.get("name").asText())
			.noneMatch(n -> n.contains("has a value")); // the rollback block needs no variable
	}

	@Test
	void theInventoryCarriesEachTargetsUserPortIdentityAndKnownHosts() throws Exception {
		export(RUNBOOK, List.of(), null, false);

		JsonNode hosts = read("inventory.yml").at("/all/hosts");

		assertThat(hosts.at("/db/ansible_host").asText()).isEqualTo("db1.internal");
		assertThat(hosts.at("/db/ansible_port").asInt()).isEqualTo(2222);
		assertThat(hosts.at("/db/ansible_user").asText()).isEqualTo("deploy");
		assertThat(hosts.at("/db/ansible_ssh_private_key_file").asText()).isEqualTo("~/.ssh/deploy_ed25519");
		assertThat(hosts.at("/db/ansible_ssh_common_args").asText())
			.isEqualTo("-o UserKnownHostsFile=/etc/ssh/known_hosts.d/db");
		assertThat(hosts.has("spare")).isFalse();
		assertThat(Files.readString(this.dir.resolve("inventory.yml"))).contains("# target spare (ssh://spare.internal)");
		assertThat(read("inventory.yml").at("/all/vars/ansible_pipelining").asBoolean()).isTrue();
	}

	@Test
	void targetsGivenAsUrisBecomeHostsAndAThrowawayContainerIsRefused() throws Exception {
		AnsibleExport.Result result = export(RUNBOOK, List.of("ssh://root@10.0.0.5:2200?identity=/k", "local"), null,
				false);

		assertThat(result.hosts()).containsExactly("10.0.0.5-2200", "local");
		assertThat(read("inventory.yml").at("/all/hosts/10.0.0.5-2200/ansible_ssh_private_key_file").asText()).isEqualTo("/k");
		assertThat(read("inventory.yml").at("/all/hosts/local/ansible_connection").asText()).isEqualTo("local");
		assertThat(result.warnings()).extracting(ExportWarning::message)
			.anyMatch(w -> w.contains("target=app, which names no host or group of inventory.yml"));
		assertThatThrownBy(() -> export(RUNBOOK, List.of("docker+image://busybox"), null, false))
			.isInstanceOf(AnsibleException.class).hasMessageContaining("throwaway container");
		assertThatThrownBy(() -> export(RUNBOOK, List.of("nowhere"), null, false))
			.isInstanceOf(AnsibleException.class).hasMessageContaining("unknown target 'nowhere'");
	}

	@Test
	void anExistingInventoryKeepsItsHostsVariablesAndGroups() throws Exception {
		Path inventory = Files.writeString(this.dir.resolve("hosts.ini"), """
				[app]
				app[1:2].internal ansible_user=deploy

				[app:vars]
				ansible_port=2200
				""");

		AnsibleExport.Result result = export(RUNBOOK, List.of(), inventory, false);

		assertThat(result.hosts()).containsExactly("app1.internal", "app2.internal");
		JsonNode all = read("inventory.yml").get("all");
		assertThat(all.at("/hosts/app2.internal/ansible_port").asText()).isEqualTo("2200");
		assertThat(all.at("/children/app/hosts").has("app1.internal")).isTrue();
		assertThat(result.warnings()).extracting(ExportWarning::message).noneMatch(w -> w.contains("target=app"));
	}

	@Test
	void checkWritesADryRunThatOnlyParsesEachBlock() throws Exception {
		export(RUNBOOK, List.of(), null, true);

		JsonNode play = read("check.yml").get(0);

		assertThat(play.get("check_mode").asBoolean()).isTrue();
		JsonNode first = play.get("tasks").get(0);
		assertThat(first.get("name").asText()).isEqualTo("1.1 backup (dry run)");
		assertThat(first.get("check_mode").asBoolean()).isFalse();
		assertThat(first.at("/ansible.builtin.shell/cmd").asText()).contains("/bin/bash -n <<'RUNBOOK_BLOCK'\n");
	}

	@Test
	void rollbackRunsOnlyWhereTheBlockItUndoesSucceededAndIsConfirmed() throws Exception {
		export(RUNBOOK, List.of(), null, false);

		List<JsonNode> tasks = tasks(read("rollback.yml"));

		assertThat(tasks.stream().map(t -> t.get("name").asText()).toList()).containsExactly(
				"runbook-shell: IMAGE matches its pattern", "runbook-shell: blocks that succeeded on this host",
				"3.1 switch-back", "3.1 switch-back");
		assertThat(tasks.get(2).has("ansible.builtin.pause")).isTrue();
		assertThat(tasks.get(3).at("/vars/runbook_undoes")).extracting(JsonNode::asText).containsExactly("2.1");
		assertThat(tasks.get(3).get("when").toString()).contains("intersect(runbook_undoes)");
	}

	@Test
	void aRollbackSectionInsideAPhaseRunsOnlyWhereABlockOfThatPhaseSucceededAsASessionOffersIt() throws Exception {
		export("""
				# Two phases

				## Move the data

				```bash {name=copy}
				echo copy
				```

				### Rollback

				```bash {name=remove-copy}
				echo remove the copy
				```

				## Switch

				```bash {name=switch}
				echo switch
				```

				### Rollback

				```bash {name=switch-back}
				echo switch back
				```
				""", List.of(), null, false);

		Map<String, List<String>> undoes = new LinkedHashMap<>();
		tasks(read("rollback.yml")).stream().filter(t -> t.has("ansible.builtin.shell") && t.has("vars"))
			.forEach(t -> undoes.put(t.get("name").asText(), texts(t.at("/vars/runbook_undoes"))));

		// a host where the copy succeeded and the switch failed does not switch back
		assertThat(undoes).containsExactly(Map.entry("2.1.1 switch-back", List.of("2.1")),
				Map.entry("1.1.1 remove-copy", List.of("1.1")));
	}

	private static List<String> texts(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asText()));
		return values;
	}

}
