package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} and {@code import} from the built jar: what they print, and one-line errors with exit 2. */
class AnsibleCommandsIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	private RunbookCli.Result run(String... args) throws Exception {
		return RunbookCli.run(this.dir, TIMEOUT, args);
	}

	@Test
	void exportNamesWhatItWroteAndWarnsWithFileAndLine() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				---
				default-target: local
				---
				# Plan

				```bash {name=hop}
				ssh admin@elsewhere
				```
				""");

		RunbookCli.Result result = run("export", "plan.md", "--format", "ansible", "--out", "out", "--check");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).contains("plan.md:7: warning: block ").contains("'ssh admin@elsewhere'")
			.contains("wrote out/inventory.yml\nwrote out/playbook.yml\nwrote out/rollback.yml\nwrote out/check.yml\n")
			.contains("1 block for local; run: ansible-playbook -i out/inventory.yml out/playbook.yml");
		assertThat(this.dir.resolve("out/check.yml")).exists();
	}

	@Test
	void exportWarnsOfAnSshWithACommandAndOfAnSshInABlockWithATimeout() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), """
				# Plan

				```bash {name=remote}
				ssh admin@elsewhere uptime
				```

				```bash {name=bounded timeout=30s}
				ssh admin@elsewhere
				```
				""");

		RunbookCli.Result result = run("export", "plan.md", "--out", "out");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).contains("plan.md:4: warning: block 0.1 remote runs 'ssh admin@elsewhere uptime': "
				+ "under Ansible that ssh starts on each inventory host")
			.contains("plan.md:8: warning: block 0.2 bounded runs 'ssh admin@elsewhere': under Ansible");
		assertThat(Files.readString(this.dir.resolve("out/playbook.yml")))
			.contains("# runbook-shell: warning: block 0.1 remote runs 'ssh admin@elsewhere uptime'");
	}

	@Test
	void badInputIsOneLineAndExitTwo() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), "# Plan\n\n```bash {exit=zero}\ntrue\n```\n");
		Files.writeString(this.dir.resolve("ok.md"), "# Plan\n\n```bash\ntrue\n```\n");
		Files.writeString(this.dir.resolve("result.txt"), "PLAY [all] ***\n");

		RunbookCli.Result badAnnotation = run("export", "plan.md", "--out", "out");
		RunbookCli.Result unknownTarget = run("export", "ok.md", "--out", "out", "--target", "nowhere");
		RunbookCli.Result otherFormat = run("export", "ok.md", "--format", "terraform", "--out", "out");
		RunbookCli.Result noResults = run("import", "ansible", "missing.json", "--runbook", "ok.md");
		RunbookCli.Result notJson = run("import", "ansible", "result.txt", "--runbook", "ok.md");

		assertThat(badAnnotation.stderr()).startsWith("error: plan.md:3: block ").contains("zero");
		assertThat(unknownTarget.stderr()).startsWith("error: unknown target 'nowhere'");
		assertThat(otherFormat.stderr()).isEqualTo("error: unknown export format 'terraform' (ansible)\n");
		assertThat(noResults.stderr()).isEqualTo("error: missing.json: no such file\n");
		assertThat(notJson.stderr()).startsWith("error: result.txt: no JSON from ansible-playbook in it");
		for (RunbookCli.Result result : new RunbookCli.Result[] { badAnnotation, unknownTarget, otherFormat, noResults,
				notJson }) {
			assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
			assertThat(result.stderr().lines()).as(result.all()).hasSize(1);
		}
	}

	@Test
	void helpListsTheHandOffCommands() throws Exception {
		RunbookCli.Result help = run("help");

		assertThat(help.stdout()).contains("Hand-off").containsPattern("export +Write a runbook as an Ansible playbook")
			.containsPattern("import +Turn ansible-playbook's JSON results into one journal per host");
	}

}
