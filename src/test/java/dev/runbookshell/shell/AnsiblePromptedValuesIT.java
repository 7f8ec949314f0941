package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.AnsiblePlaybook;
import dev.runbookshell.testsupport.OpenSshServerExtension;

/**
 * The values a runbook asks for, when nobody can be asked: the real {@code ansible-playbook} of an export, with
 * stdin not a terminal, must run what {@code runbook run --yes} runs on the same sshd (an {@code export FOO=bar}
 * line's value as written, or the value given with {@code -e}), and must refuse, before any block, what
 * {@code runbook run --yes} refuses (a value nobody gave, a secret too), naming the variable and {@code -e}.
 */
class AnsiblePromptedValuesIT {

	@RegisterExtension
	static final OpenSshServerExtension WEB1 = new OpenSshServerExtension();

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	@TempDir
	Path dir;

	@BeforeAll
	static void ansibleIsInstalled() {
		AnsiblePlaybook.require();
	}

	@Test
	void anExportLineRunsWithItsValueAsWrittenUnattendedAndWithTheValueGivenByE() throws Exception {
		Path runbook = write("prompted.md", """
				---
				default-target: web1
				targets:
				  web1:
				%s---

				# Prompted

				## Set

				```bash {name=set}
				export FOO=bar
				export ZONE="eu-west"
				echo "set FOO=$FOO ZONE=$ZONE"
				```

				## Use

				```bash {name=use}
				echo "use FOO=$FOO ZONE=$ZONE"
				```
				""".formatted(AnsibleHandOffIT.target(WEB1)));
		Path out = export(runbook);

		Map<String, JsonNode> unattended = AnsibleHandOffIT.finished(importOf(runbook, playbook(out, "as-written")));
		Map<String, JsonNode> ran = AnsibleHandOffIT.finished(run(runbook));
		Map<String, JsonNode> given = AnsibleHandOffIT.finished(importOf(runbook, playbook(out, "given", "-e", "FOO=other")));
		Map<String, JsonNode> ranGiven = AnsibleHandOffIT.finished(run(runbook, "--var", "FOO=other"));

		assertThat(output(unattended, "2.1")).isEqualTo("use FOO=bar ZONE=eu-west\n");
		assertThat(output(given, "1.1")).isEqualTo("set FOO=other ZONE=eu-west\n");
		assertThat(output(given, "2.1")).isEqualTo("use FOO=other ZONE=eu-west\n");
		for (String id : List.of("1.1", "2.1")) {
			assertThat(output(unattended, id)).as(id).isEqualTo(output(ran, id));
			assertThat(output(given, id)).as(id).isEqualTo(output(ranGiven, id));
			assertThat(unattended.get(id).get("status").asText()).isEqualTo("succeeded");
		}
	}

	@Test
	void aValueNobodyGivesStopsThePlayBeforeAnyBlockNamingTheVariableAndASecretStaysHidden() throws Exception {
		Path marker = this.dir.resolve("first-ran");
		Path runbook = write("needs.md", """
				---
				default-target: web1
				targets:
				  web1:
				%svariables:
				  TOKEN:
				    secret: true
				---

				# Needs values

				## First

				```bash {name=first}
				touch "%s"
				```

				## Ask

				```bash {name=ask}
				export EMPTY=
				echo "EMPTY=$EMPTY"
				```

				```bash {name=secret}
				echo "the token has ${#TOKEN} characters"
				```
				""".formatted(AnsibleHandOffIT.target(WEB1), marker));
		Path out = export(runbook);

		AnsiblePlaybook.Result noEmpty = AnsiblePlaybook.run(this.dir, null, this.dir.resolve("no-empty.out"), TIMEOUT,
				args(out, "no-empty").toArray(String[]::new));
		String shown = Files.readString(noEmpty.stdout());
		assertThat(noEmpty.exitCode()).as(shown + noEmpty.stderr()).isEqualTo(2);
		assertThat(shown).contains("variable EMPTY has no value and nobody could be asked").contains("-e EMPTY=VALUE")
			.doesNotContain("TASK [1.1 first]");
		assertThat(marker).doesNotExist();

		Path result = playbook(out, "no-secret", "-e", "EMPTY=given");
		Path journal = importOf(runbook, result);
		assertThat(marker).doesNotExist();
		assertThat(AnsibleHandOffIT.finished(journal)).isEmpty();
		String report = RunbookCli.run(this.dir, TIMEOUT, "report", journal.toString()).stdout();
		assertThat(report).contains("**STOPPED**").contains("TOKEN has a value (else give it with -e TOKEN=VALUE)");
		assertThat(Files.readString(result)).contains("\"censored\"").doesNotContain("the token has");

		// runbook run --yes refuses too, at the block that asks (after it ran the first block)
		RunbookCli.Result refused = RunbookCli.run(this.dir, TIMEOUT, "run", runbook.toString(), "--yes", "--log-dir",
				this.dir.resolve("run-refused").toString());
		assertThat(refused.stderr()).contains("variable EMPTY has no value");
		Files.delete(marker);

		Map<String, JsonNode> given = AnsibleHandOffIT.finished(
				importOf(runbook, playbook(out, "given", "-e", "EMPTY=given", "-e", "TOKEN=s3cr3t-token")));
		assertThat(given.keySet()).containsExactly("1.1", "2.1", "2.2");
		assertThat(output(given, "2.1")).isEqualTo("EMPTY=given\n");
		assertThat(marker).exists();
		assertThat(RunbookCli.filesContaining(this.dir, "s3cr3t-token")).isEmpty();
	}

	private Path export(Path runbook) throws Exception {
		Path out = this.dir.resolve("export");
		RunbookCli.Result exported = RunbookCli.run(this.dir, TIMEOUT, "export", runbook.toString(), "--format",
				"ansible", "--out", out.toString());
		assertThat(exported.exitCode()).as(exported.all()).isZero();
		return out;
	}

	/** ansible-playbook with stdin from /dev/null, as a scheduler runs it; its JSON results. */
	private Path playbook(Path out, String name, String... extraVars) throws Exception {
		Path result = this.dir.resolve(name + ".json");
		List<String> args = args(out, name);
		args.addAll(List.of(extraVars));
		AnsiblePlaybook.run(this.dir, "ansible.posix.json", result, TIMEOUT, args.toArray(String[]::new));
		return result;
	}

	private List<String> args(Path out, String name) {
		return new ArrayList<>(List.of("-i", out.resolve("inventory.yml").toString(), out.resolve("playbook.yml").toString(),
				"-e", "runbook_state_dir=" + this.dir.resolve("states-" + name)));
	}

	private Path importOf(Path runbook, Path result) throws Exception {
		Path logs = this.dir.resolve("imported-" + result.getFileName().toString().replace(".json", ""));
		RunbookCli.Result imported = RunbookCli.run(this.dir, TIMEOUT, "import", "ansible", result.toString(),
				"--runbook", runbook.toString(), "--log-dir", logs.toString());
		assertThat(imported.exitCode()).as(imported.all()).isIn(0, 1);
		return RunbookCli.journal(logs);
	}

	private Path run(Path runbook, String... extra) throws Exception {
		Path logs = Files.createTempDirectory(this.dir, "run-");
		List<String> args = new ArrayList<>(List.of("run", runbook.toString(), "--yes", "--log-dir", logs.toString()));
		args.addAll(List.of(extra));
		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, args.toArray(String[]::new));
		assertThat(result.exitCode()).as(result.all()).isZero();
		return RunbookCli.journal(logs);
	}

	private static String output(Map<String, JsonNode> blocks, String id) {
		assertThat(blocks).as("block " + id).containsKey(id);
		return blocks.get(id).get("output").asText();
	}

	private Path write(String name, String text) throws Exception {
		return Files.writeString(this.dir.resolve(name), text);
	}

}
