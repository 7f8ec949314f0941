package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/**
 * The hand-off end to end: {@code runbook export}, the real {@code ansible-playbook} against two real sshd on
 * loopback, {@code runbook import ansible}, and {@code runbook run} of the same runbook on each of the same
 * hosts; each block's outcome, exit code and output on each host must be the same both ways, and the reports of
 * the imported journals must say what the reports of runbook run say.
 */
class AnsibleHandOffIT {

	@RegisterExtension
	static final OpenSshServerExtension WEB1 = new OpenSshServerExtension();

	@RegisterExtension
	static final OpenSshServerExtension WEB2 = new OpenSshServerExtension();

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dir;

	@BeforeAll
	static void ansibleIsInstalled() {
		AnsiblePlaybook.require();
	}

	static String target(OpenSshServerExtension sshd) {
		return """
				    uri: "%s"
				    identity: "%s"
				    known-hosts: "%s"
				""".formatted(sshd.uri(), sshd.clientKey(), sshd.knownHosts());
	}

	private static String uri(OpenSshServerExtension sshd) {
		return sshd.uri() + "?identity=" + sshd.clientKey() + "&known-hosts=" + sshd.knownHosts();
	}

	private String carryOver() {
		return """
				---
				title: State carried from block to block
				default-target: web1
				targets:
				  web1:
				%s  web2:
				%svariables:
				  GREETING:
				    default: hello
				  TOKEN:
				    prompt: A token for the secret block
				    secret: true
				---

				# State carried from block to block

				## Enter a scratch folder

				```bash {name=enter}
				export WORK="$(mktemp -d "${TMPDIR:-/tmp}/handoff.XXXXXX")"
				cd "$WORK"
				NOTE=not-exported
				echo "on server port ${SSH_CONNECTION##* }"
				```

				## Define and use a function

				```bash {name=define}
				greet() { echo "$GREETING $1, $([ "$PWD" = "$WORK" ] && echo in the work folder)"; }
				touch marker
				```

				```bash {name=use expect="hello ansible"}
				greet ansible
				echo "note=$NOTE"
				ls
				```

				```bash {name=secret}
				echo "the token has ${#TOKEN} characters"
				```

				```bash {name=terminal errexit=false}
				echo first
				false
				echo after-a-failed-command
				```

				- [ ] the operator looked at the output

				## Clean up

				```bash {name=clean-up}
				cd /
				rm -r -- "$WORK"
				echo removed
				```
				""".formatted(target(WEB1), target(WEB2));
	}

	@Test
	void stateCarriesOverAndEveryBlockEndsAsInARunbookRunOnEachHost() throws Exception {
		Path runbook = write("carry-over.md", carryOver());

		HandOff handOff = handOff(runbook, List.of("--target", "web1,web2"), List.of("-e", "TOKEN=s3cr3t-token"));

		assertThat(handOff.ansible().exitCode()).as(handOff.ansible().stderr()).isZero();
		Map<String, Path> runs = new LinkedHashMap<>();
		for (String host : List.of("web1", "web2")) {
			runs.put(host, runbookRun(runbook, host, "--var", "TOKEN=s3cr3t-token"));
			Map<String, JsonNode> ran = finished(runs.get(host));
			Map<String, JsonNode> imported = finished(handOff.journal(host));
			assertThat(imported.keySet()).containsExactlyElementsOf(ran.keySet());
			ran.forEach((id, block) -> {
				assertThat(imported.get(id).get("status").asText()).as(host + " " + id)
					.isEqualTo(id.equals("2.4") ? "succeeded-with-failures" : "succeeded")
					.isEqualTo(block.get("status").asText());
				assertThat(imported.get(id).get("failedCommands")).as(host + " " + id + " failed commands")
					.isEqualTo(block.get("failedCommands"));
				if (!id.equals("2.3")) { // the secret block: Ansible hides a no_log task's output and exit code
					assertThat(imported.get(id).get("exitCode")).as(host + " " + id).isEqualTo(block.get("exitCode"));
					assertThat(imported.get(id).get("output").asText()).as(host + " " + id)
						.isEqualTo(block.get("output").asText());
				}
			});
			OpenSshServerExtension sshd = host.equals("web1") ? WEB1 : WEB2;
			assertThat(imported.get("1.1").get("output").asText()).isEqualTo("on server port " + sshd.port() + "\n");
			assertThat(imported.get("2.2").get("output").asText())
				.isEqualTo("hello ansible, in the work folder\nnote=not-exported\nmarker\n");
			assertThat(imported.get("2.3").get("output").asText()).contains("hidden");
		}
		assertThat(RunbookCli.filesContaining(this.dir, "s3cr3t-token")).isEmpty();
		assertSameStatusesInReports(runs.get("web1"), handOff.journal("web1"));
	}

	@Test
	void aFailedCommandInTheMiddleStopsTheBlockAndNamesItsLine() throws Exception {
		String text = """
				---
				targets:
				  web1:
				%s  web2:
				%s---

				# Stops

				## Fail in the middle

				```bash {name=stops}
				echo before
				false
				echo after
				```

				```bash {name=never-reached}
				echo never
				```
				""".formatted(target(WEB1), target(WEB2));
		Path runbook = write("stops.md", text);
		int line = text.lines().toList().indexOf("false") + 1;

		HandOff handOff = handOff(runbook, List.of("--target", "web1,web2"), List.of());

		assertThat(handOff.ansible().exitCode()).isEqualTo(2);
		assertThat(handOff.imports().exitCode()).as(handOff.imports().all()).isEqualTo(1);
		for (String host : List.of("web1", "web2")) {
			Path journal = handOff.journal(host);
			Map<String, JsonNode> imported = finished(journal);
			assertThat(imported.keySet()).containsExactly("1.1");
			assertThat(imported.get("1.1").get("status").asText()).isEqualTo("failed");
			assertThat(imported.get("1.1").get("exitCode").asInt()).isEqualTo(1);
			assertThat(imported.get("1.1").get("output").asText()).isEqualTo("before\n");
			RunbookCli.Result report = RunbookCli.run(this.dir, TIMEOUT, "report", journal.toString());
			assertThat(report.stdout()).contains("stops.md:" + line + ": 1.1 stops stopped at its first failed command (exit 1): false");
			JsonNode end = JSON.readTree(Files.readAllLines(journal).get(Files.readAllLines(journal).size() - 1));
			assertThat(end.get("type").asText()).isEqualTo("session-finished");
			assertThat(end.get("status").asText()).isEqualTo("failed");
			assertThat(end.at("/counts/not-run").asInt()).isEqualTo(1);
		}
	}

	@Test
	void theDemoRunbookGivesRunbookRunsOutputsAndStatusesOnEachHost() throws Exception {
		Path runbook = Path.of("runbooks/demo.md").toAbsolutePath();
		HandOff handOff = handOff(runbook, List.of("--target", uri(WEB1) + "," + uri(WEB2)), List.of());

		assertThat(handOff.ansible().exitCode()).as(handOff.ansible().stderr()).isZero();
		for (OpenSshServerExtension sshd : List.of(WEB1, WEB2)) {
			String host = "127.0.0.1-" + sshd.port();
			Path ran = runbookRun(runbook, uri(sshd));
			assertSame(host, finished(ran), finished(handOff.journal(host)));
			if (sshd == WEB1) {
				assertSameStatusesInReports(ran, handOff.journal(host));
			}
		}
	}

	@Test
	void theOtherRunbooksFailWhereRunbookRunFailsOnEachHost() throws Exception {
		Path inventory = write("hosts.ini", inventoryLine("web1", WEB1) + inventoryLine("web2", WEB2) + """
				[old-db]
				web1
				web2

				[new-db:children]
				old-db

				[app:children]
				old-db
				""");
		Path postgres = Path.of("runbooks/postgres-cutover.md").toAbsolutePath();
		HandOff cutover = handOff(postgres, List.of("--inventory", inventory.toString()),
				List.of("-e", "REPL_PASSWORD=x"));
		Path docker = Path.of("runbooks/app-to-docker.md").toAbsolutePath();
		HandOff toDocker = handOff(docker, List.of("--target", uri(WEB1) + "," + uri(WEB2)),
				List.of("-e", "REGISTRY_TOKEN=x"));

		for (OpenSshServerExtension sshd : List.of(WEB1, WEB2)) {
			String name = sshd == WEB1 ? "web1" : "web2";
			Path ranCutover = runbookRun(postgres, uri(sshd), "--var", "REPL_PASSWORD=x");
			assertSame(name, finished(ranCutover), finished(cutover.journal(name)));
			String host = "127.0.0.1-" + sshd.port();
			Path ranToDocker = runbookRun(docker, uri(sshd), "--var", "REGISTRY_TOKEN=x");
			assertSame(host, finished(ranToDocker), finished(toDocker.journal(host)));
			if (sshd == WEB2) {
				assertSameStatuses(ranCutover, cutover.journal(name));
				assertSameStatuses(ranToDocker, toDocker.journal(host));
			}
		}
	}

	@Test
	void everyExportOfTheRunbooksAndTheSeedsPassesAnsiblesSyntaxCheck() throws Exception {
		List<Path> files = new ArrayList<>();
		try (var runbooks = Files.list(Path.of("runbooks"))) {
			runbooks.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		Path seeds = Path.of("/work/shared/seeds");
		if (Files.isDirectory(seeds)) {
			try (var list = Files.list(seeds)) {
				list.sorted().forEach(files::add);
			}
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(3);
		for (Path file : files) {
			Path out = this.dir.resolve("export-" + file.getFileName());
			RunbookCli.Result export = RunbookCli.run(this.dir, TIMEOUT, "export", file.toAbsolutePath().toString(),
					"--format", "ansible", "--out", out.toString(), "--check");
			assertThat(export.exitCode()).as(file + ": " + export.all()).isZero();
			AnsiblePlaybook.Result check = AnsiblePlaybook.run(this.dir, null, this.dir.resolve("syntax.out"), TIMEOUT,
					"--syntax-check", "-i", out.resolve("inventory.yml").toString(), out.resolve("playbook.yml").toString(),
					out.resolve("rollback.yml").toString(), out.resolve("check.yml").toString());
			assertThat(check.exitCode()).as(file + ": " + check.stderr() + Files.readString(check.stdout())).isZero();
			assertThat(Files.readString(check.stdout())).contains("playbook: " + out.resolve("check.yml"));
		}
	}

	/** Status, exit code, failed commands and output of every block, the same both ways. */
	private static void assertSame(String host, Map<String, JsonNode> ran, Map<String, JsonNode> imported) {
		assertThat(imported.keySet()).as(host).containsExactlyElementsOf(ran.keySet());
		ran.forEach((id, block) -> {
			JsonNode mine = imported.get(id);
			assertThat(mine.get("status").asText()).as(host + " " + id).isEqualTo(block.get("status").asText());
			assertThat(mine.get("exitCode")).as(host + " " + id).isEqualTo(block.get("exitCode"));
			assertThat(mine.get("failedCommands")).as(host + " " + id + " failed commands")
				.isEqualTo(block.get("failedCommands"));
			String expected = comparable(block.get("output").asText());
			String actual = comparable(mine.get("output").asText());
			assertThat(actual).as(host + " " + id).isEqualTo(expected);
		});
	}

	/** Temporary folder names (the demo's, the session folder in the shell's own messages) differ by design. */
	private static String comparable(String output) {
		return output.replaceAll("(runbook-demo|runbook-shell)\\.[A-Za-z0-9]{6}", "$1.XXXXXX");
	}

	/** {@code report --compare} of the two runs agrees on every block, and every format renders the import. */
	private void assertSameStatusesInReports(Path ran, Path imported) throws Exception {
		assertSameStatuses(ran, imported);
		for (String format : List.of("md", "html", "junit", "json", "cast")) {
			RunbookCli.Result report = RunbookCli.run(this.dir, TIMEOUT, "report", imported.toString(), "--format", format);
			assertThat(report.exitCode()).as(format + ": " + report.all()).isZero();
			assertThat(report.stdout()).isNotBlank();
		}
	}

	private void assertSameStatuses(Path ran, Path imported) throws Exception {
		RunbookCli.Result compare = RunbookCli.run(this.dir, TIMEOUT, "report", ran.toString(), "--compare",
				imported.toString(), "--format", "json");
		assertThat(compare.exitCode()).as(compare.all()).isZero();
		JsonNode blocks = JSON.readTree(compare.stdout()).get("blocks");
		assertThat(blocks).isNotEmpty();
		for (JsonNode block : blocks) {
			assertThat(block.get("statusB").asText()).as(block.toString()).isEqualTo(block.get("statusA").asText());
		}
	}

	private static String inventoryLine(String name, OpenSshServerExtension sshd) {
		return name + " ansible_host=127.0.0.1 ansible_port=" + sshd.port() + " ansible_user=" + sshd.user()
				+ " ansible_ssh_private_key_file=" + sshd.clientKey() + " ansible_ssh_common_args='-o UserKnownHostsFile="
				+ sshd.knownHosts() + "'\n";
	}

	/**
	 * What the hand-off did: the export's folder, ansible-playbook's run and the import's journals.
	 * @param imports the output of {@code runbook import}
	 */
	record HandOff(Path out, AnsiblePlaybook.Result ansible, RunbookCli.Result imports, Path logs) {

		Path journal(String host) throws Exception {
			try (var files = Files.list(this.logs)) {
				List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
					.filter(f -> f.getFileName().toString().contains("-" + dev.runbookshell.journal.Slug.of(host) + "-"))
					.toList();
				assertThat(found).as("one journal for " + host + " in " + this.logs).hasSize(1);
				return found.get(0);
			}
		}

	}

	private HandOff handOff(Path runbook, List<String> exportOptions, List<String> extraVars) throws Exception {
		String name = runbook.getFileName().toString().replace(".md", "");
		Path out = this.dir.resolve("export-" + name);
		List<String> export = new ArrayList<>(List.of("export", runbook.toString(), "--format", "ansible", "--out",
				out.toString()));
		export.addAll(exportOptions);
		RunbookCli.Result exported = RunbookCli.run(this.dir, TIMEOUT, export.toArray(String[]::new));
		assertThat(exported.exitCode()).as(exported.all()).isZero();
		List<String> args = new ArrayList<>(List.of("-i", out.resolve("inventory.yml").toString(),
				out.resolve("playbook.yml").toString(), "-e", "runbook_yes=true", "-e",
				"runbook_state_dir=" + this.dir.resolve("states-" + name)));
		args.addAll(extraVars);
		Path result = this.dir.resolve(name + "-result.json");
		AnsiblePlaybook.Result ansible = AnsiblePlaybook.run(this.dir, "ansible.posix.json", result, TIMEOUT,
				args.toArray(String[]::new));
		Path logs = this.dir.resolve("imported-" + name);
		RunbookCli.Result imported = RunbookCli.run(this.dir, TIMEOUT, "import", "ansible", result.toString(),
				"--runbook", runbook.toString(), "--log-dir", logs.toString());
		assertThat(imported.exitCode()).as(imported.all() + "\nansible: " + ansible.stderr()).isIn(0, 1);
		return new HandOff(out, ansible, imported, logs);
	}

	private Path runbookRun(Path runbook, String target, String... extra) throws Exception {
		Path logs = Files.createTempDirectory(this.dir, "run-");
		List<String> args = new ArrayList<>(List.of("run", runbook.toString(), "--target", target, "--yes", "--log-dir",
				logs.toString()));
		args.addAll(List.of(extra));
		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, args.toArray(String[]::new));
		assertThat(result.exitCode()).as(result.all()).isIn(0, 1);
		return RunbookCli.journal(logs);
	}

	/** Each block's last block-finished event, by block id, in the order the blocks first finished. */
	static Map<String, JsonNode> finished(Path journal) throws Exception {
		Map<String, JsonNode> blocks = new LinkedHashMap<>();
		for (var entry : new JournalReader().read(journal).entries()) {
			if (entry.event() instanceof JournalEvent.BlockFinished) {
				JsonNode line = JSON.readTree(Files.readAllLines(journal).get(entry.line() - 1));
				blocks.put(line.at("/block/id").asText(), line);
			}
		}
		return blocks;
	}

	private Path write(String name, String text) throws Exception {
		return Files.writeString(this.dir.resolve(name), text);
	}

}
