package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalReader;
import dev.runbookshell.testsupport.AnsiblePlaybook;
import dev.runbookshell.testsupport.OpenSshServerExtension;
import dev.runbookshell.testsupport.RequiredComponent;

/**
 * One outcome rule, two engines: the same small blocks run by {@code runbook run} on a real sshd and by the real
 * {@code ansible-playbook} of their export on the same sshd, and each block must end the same way: status, exit
 * code, failed commands (line, exit code, command) and output. The cases are the ones where an ERR trap is easy to
 * get wrong: a failed command in a function, in a subshell or a command substitution, in a pipeline with and
 * without pipefail, exit codes the block accepts, errexit=false counting, a block's own {@code set -e}, a block
 * past its timeout; in bash and in busybox sh.
 *
 * <p>runbook run goes on after a failed block ({@code on-failure: ignore}); Ansible ends a host at a failed task,
 * so the playbook is started again at the next block ({@code --start-at-task}) with the state the failed task
 * saved, and each part is imported. runbook-shell reads busybox as {@code sh} on the PATH (the sshd sets it for
 * the session); the export names {@code /bin/sh}, which is dash here, so its {@code executable} is pointed at the
 * same busybox.
 */
class AnsibleOutcomeRuleIT {

	private static final Path BUSYBOX = Path.of("/usr/bin/busybox");

	private static final Path BUSYBOX_BIN = Path.of("target/it-busybox-sh").toAbsolutePath();

	@RegisterExtension
	static final OpenSshServerExtension SSHD = new OpenSshServerExtension(
			"SetEnv PATH=" + BUSYBOX_BIN + ":/usr/local/bin:/usr/bin:/bin");

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Blocks whose outcome bash and busybox sh decide the same way. */
	private static final String CASES = """
			# Outcome rule

			## Functions

			```%1$s {name=function-stops}
			f() { echo in-f; false; echo after-false-in-f; }
			f
			echo after-f
			```

			```%1$s {name=function-goes-on errexit=false}
			f() { echo in-f; false; echo after-false-in-f; }
			f
			g() { echo in-g; false; }
			g
			echo after-g
			```

			## Subshells

			```%1$s {name=subshell-inside}
			( echo sub; false; echo sub-after )
			x=$(echo in; false; echo still)
			echo "after-sub $x"
			```

			```%1$s {name=subshell-status}
			( echo sub; false )
			echo never
			```

			```%1$s {name=subshells-go-on errexit=false}
			( echo sub; false )
			y=$(false)
			echo after
			```

			## Pipelines

			```%1$s {name=pipeline-first}
			false | true
			echo after
			```

			```%1$s {name=pipefail}
			set -o pipefail
			false | true
			echo never
			```

			```%1$s {name=pipefail-off}
			set +o pipefail
			false | true
			echo off
			```

			## Exit codes

			```%1$s {name=accepted exit=0,3}
			sh -c 'exit 3'
			echo after
			sh -c 'exit 3'
			```

			```%1$s {name=not-accepted exit=0,3}
			sh -c 'exit 4'
			echo never
			```

			```%1$s {name=counted errexit=false}
			false
			sh -c 'exit 2'
			echo went-on
			```

			```%1$s {name=tested}
			if false; then echo no; fi
			false || echo or
			! true
			echo end
			```

			## Timeout

			```%1$s {name=times-out timeout=2s}
			echo started
			sleep 60
			echo never
			```

			## Own errexit

			```%1$s {name=own-set-e errexit=false}
			set -e
			false
			echo never
			```

			```%1$s {name=set-e-carried errexit=false}
			false
			echo never
			```

			```%1$s {name=set-e-off}
			set +e
			echo off
			```
			""";

	/**
	 * Only bash names a failed pipeline's line right (busybox numbers it with an earlier line); busybox's own messages
	 * start with its $0, which Ansible's executable makes a path.
	 */
	private static final String BASH_ONLY = """

			## bash

			```bash {name=pipeline-last}
			true | false
			echo never
			```

			```bash {name=not-found errexit=false}
			echo out; echo err >&2
			no-such-command-here
			sh -c 'exit 5
			'
			echo after
			```

			```bash {name=no-such-folder cwd=/no/such/folder}
			echo never
			```

			```bash {name=ends-its-shell}
			echo bye
			exit 3
			```

			```bash {name=fresh}
			echo fresh
			```
			""";

	@TempDir
	Path dir;

	@BeforeAll
	static void componentsAreThere() throws Exception {
		AnsiblePlaybook.require();
		RequiredComponent.require(Files.isExecutable(BUSYBOX), "busybox (package busybox-static) at " + BUSYBOX);
		Files.createDirectories(BUSYBOX_BIN);
		Path sh = BUSYBOX_BIN.resolve("sh");
		if (!Files.isSymbolicLink(sh)) {
			Files.createSymbolicLink(sh, BUSYBOX);
		}
	}

	@Test
	void bashBlocksEndAlikeInARunAndInTheExportedPlaybook() throws Exception {
		Path runbook = write("rule-bash.md", frontMatter("") + CASES.formatted("bash") + BASH_ONLY);

		assertSameOutcomes(runbook, UnaryOperator.identity());
	}

	@Test
	void busyboxShBlocksEndAlikeInARunAndInTheExportedPlaybook() throws Exception {
		Path runbook = write("rule-busybox.md", frontMatter("shell: sh\n") + CASES.formatted("sh"));
		String executable = "executable: /bin/sh";

		assertSameOutcomes(runbook, playbook -> {
			assertThat(playbook).contains(executable);
			return playbook.replace(executable, "executable: " + BUSYBOX_BIN.resolve("sh"));
		});
	}

	private static String frontMatter(String shell) {
		return """
				---
				%sdefault-target: web
				targets:
				  web:
				    uri: "%s"
				    identity: "%s"
				    known-hosts: "%s"
				%s---

				""".formatted(shell, SSHD.uri(), SSHD.clientKey(), SSHD.knownHosts(), shell.isEmpty() ? "" : "    " + shell);
	}

	private void assertSameOutcomes(Path runbook, UnaryOperator<String> playbookEdit) throws Exception {
		Map<String, JsonNode> ran = finished(runbookRun(runbook));
		Map<String, JsonNode> exported = ansibleRuns(runbook, ran, playbookEdit);

		assertThat(ran.values()).extracting(block -> block.get("status").asText())
			.contains("succeeded", "failed", "succeeded-with-failures");
		assertThat(exported.keySet()).containsExactlyElementsOf(ran.keySet());
		ran.forEach((id, block) -> {
			JsonNode other = exported.get(id);
			String what = id + " " + block.at("/block/name").asText();
			assertThat(other.get("status").asText()).as(what + " status").isEqualTo(block.get("status").asText());
			assertThat(other.get("exitCode")).as(what + " exit code").isEqualTo(block.get("exitCode"));
			assertThat(other.get("failedCommands")).as(what + " failed commands").isEqualTo(block.get("failedCommands"));
			assertThat(comparable(other.get("output").asText())).as(what + " output")
				.isEqualTo(comparable(block.get("output").asText()));
		});
	}

	/** The session folder's name is random by design, in runbook-shell's and in the task's messages alike. */
	private static String comparable(String output) {
		return output.replaceAll("/runbook-shell\\.[A-Za-z0-9]{6}/", "/runbook-shell.XXXXXX/");
	}

	private Path runbookRun(Path runbook) throws Exception {
		Path logs = Files.createTempDirectory(this.dir, "run-");
		Path answers = write("answers.yaml", "default: run\non-failure: ignore\n");
		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", runbook.toString(), "--answers",
				answers.toString(), "--log-dir", logs.toString());
		assertThat(result.exitCode()).as(result.all()).isIn(0, 1);
		return RunbookCli.journal(logs);
	}

	/**
	 * The export run by ansible-playbook, again from the block after each one that failed, each part imported.
	 * @param order the blocks in the order they ran, for their task names
	 */
	private Map<String, JsonNode> ansibleRuns(Path runbook, Map<String, JsonNode> order, UnaryOperator<String> edit)
			throws Exception {
		Path out = this.dir.resolve("export-" + runbook.getFileName());
		RunbookCli.Result export = RunbookCli.run(this.dir, TIMEOUT, "export", runbook.toString(), "--format", "ansible",
				"--out", out.toString());
		assertThat(export.exitCode()).as(export.all()).isZero();
		Path playbook = out.resolve("playbook.yml");
		Files.writeString(playbook, edit.apply(Files.readString(playbook)));
		List<String> labels = order.values().stream()
			.map(block -> block.at("/block/id").asText() + " " + block.at("/block/name").asText())
			.toList();
		Map<String, JsonNode> blocks = new LinkedHashMap<>();
		String start = null;
		for (int part = 0; part <= labels.size(); part++) {
			List<String> args = new ArrayList<>(List.of("-i", out.resolve("inventory.yml").toString(),
					playbook.toString(), "-e", "runbook_yes=true", "-e", "runbook_state_dir=" + this.dir.resolve("state")));
			if (start != null) {
				args.addAll(List.of("--start-at-task", start));
			}
			Path result = this.dir.resolve("result-" + part + ".json");
			AnsiblePlaybook.Result ansible = AnsiblePlaybook.run(this.dir, "ansible.posix.json", result, TIMEOUT,
					args.toArray(String[]::new));
			assertThat(ansible.exitCode()).as(ansible.stderr()).isIn(0, 2);
			Path logs = this.dir.resolve("imported-" + part);
			RunbookCli.Result imported = RunbookCli.run(this.dir, TIMEOUT, "import", "ansible", result.toString(),
					"--runbook", runbook.toString(), "--log-dir", logs.toString());
			assertThat(imported.exitCode()).as(imported.all()).isIn(0, 1);
			Map<String, JsonNode> ran = finished(RunbookCli.journal(logs));
			assertThat(ran).as("part " + part + " from " + start).isNotEmpty();
			blocks.putAll(ran);
			String last = List.copyOf(ran.keySet()).get(ran.size() - 1);
			int next = List.copyOf(order.keySet()).indexOf(last) + 1;
			if (List.of("failed", "timed-out").contains(ran.get(last).get("status").asText()) && next < labels.size()) {
				start = labels.get(next);
			}
			else {
				return blocks;
			}
		}
		throw new AssertionError("the playbook did not get to the end in " + labels.size() + " parts");
	}

	/** Each block's last block-finished event, by block id, in the order the blocks first finished. */
	private static Map<String, JsonNode> finished(Path journal) throws Exception {
		Map<String, JsonNode> blocks = new LinkedHashMap<>();
		List<String> lines = Files.readAllLines(journal);
		for (var entry : new JournalReader().read(journal).entries()) {
			if (entry.event() instanceof JournalEvent.BlockFinished) {
				JsonNode line = JSON.readTree(lines.get(entry.line() - 1));
				blocks.put(line.at("/block/id").asText(), line);
			}
		}
		return blocks;
	}

	private Path write(String name, String text) throws Exception {
		return Files.writeString(this.dir.resolve(name), text);
	}

}
