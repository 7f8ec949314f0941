package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.OpenSshServerExtension;
import dev.runbookshell.testsupport.SshKeygen;

/**
 * A fleet of three real OpenSSH sshd on loopback ports, chosen from an Ansible inventory (INI and YAML) with
 * {@code --limit}; one server drops its connections in the middle of a block. The servers share this machine's
 * file system: each block writes a file named after the port it was reached on.
 */
class FleetOverSshIT {

	@RegisterExtension
	static final OpenSshServerExtension WEB1 = new OpenSshServerExtension();

	@RegisterExtension
	static final OpenSshServerExtension WEB2 = new OpenSshServerExtension();

	@RegisterExtension
	static final OpenSshServerExtension DB1 = new OpenSshServerExtension();

	@TempDir
	Path dir;

	private static String host(String name, OpenSshServerExtension server) {
		return name + " ansible_host=127.0.0.1 ansible_port=" + server.port() + " ansible_user=" + server.user()
				+ " ansible_ssh_private_key_file=" + server.clientKey() + " runbook_known_hosts=" + server.knownHosts();
	}

	private void writeInventoryAndPlan(String firstBlock) throws Exception {
		Files.writeString(this.dir.resolve("hosts.ini"), String.join("\n", "[web]", host("web1", WEB1),
				host("web2", WEB2), "", "[db]", host("db1", DB1), "", "[prod:children]", "web", "db", ""));
		Files.writeString(this.dir.resolve("plan.md"), """
				# Over SSH

				## Mark

				```bash {name=mark}
				port=$(echo "$SSH_CONNECTION" | awk '{print $4}')
				%s
				echo "reached $port" > '%s'/"ran-$port"
				```

				## After

				```bash {name=after}
				echo after-ran
				```
				""".formatted(firstBlock, this.dir));
	}

	@Test
	void anInventoryWithALimitChoosesTheHostsAndEachGetsItsOwnJournal() throws Exception {
		writeInventoryAndPlan("true");
		RunbookCli.Result result = RunbookCli.run(this.dir, Duration.ofSeconds(120), "run", "plan.md", "--inventory",
				"hosts.ini", "--limit", "prod:!db1", "--yes", "--log-dir", "logs");
		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(this.dir.resolve("ran-" + WEB1.port())).hasContent("reached " + WEB1.port());
		assertThat(this.dir.resolve("ran-" + WEB2.port())).exists();
		assertThat(this.dir.resolve("ran-" + DB1.port())).doesNotExist();
		assertThat(result.stdout()).contains("on web1, web2 (2 hosts)").contains("web1,web2\n----------------\nafter-ran");
		JsonNode index = new FleetPlans(this.dir).index();
		assertThat(index.get("hosts")).hasSize(2);
		assertThat(index.at("/hosts/0/uri").asText()).isEqualTo(WEB1.uri());
	}

	@Test
	void eachSshHostsJournalIsSignedAndVerifiesWithSshKeygen() throws Exception {
		writeInventoryAndPlan("true");
		Path key = SshKeygen.generate(this.dir.resolve("id_ed25519"), "ed25519", 0, "", "ops@example.com");
		Path allowed = Files.writeString(this.dir.resolve("allowed_signers"),
				SshKeygen.allowedSignersLine("ops@example.com", "", Path.of(key + ".pub")) + "\n");

		RunbookCli.Result result = RunbookCli.run(this.dir, Duration.ofSeconds(120), "run", "plan.md", "--inventory",
				"hosts.ini", "--limit", "web", "--yes", "--log-dir", "logs", "--sign-key", key.toString());

		assertThat(result.exitCode()).as(result.all()).isZero();
		JsonNode index = new FleetPlans(this.dir).index();
		for (String host : java.util.List.of("web1", "web2")) {
			JsonNode entry = FleetPlans.host(index, host);
			Path journal = this.dir.resolve("logs").resolve(entry.get("journal").asText());
			Path signature = this.dir.resolve("logs").resolve(entry.get("signature").asText());
			SshKeygen.Result verified = SshKeygen.verify(allowed, "ops@example.com", "journal@runbookshell.dev",
					signature, journal);
			assertThat(verified.exitCode()).as(host + ": " + verified.output()).isZero();
			assertThat(Files.readString(journal)).contains("after-ran");
		}
	}

	@Test
	void aYamlInventoryReadsTheSameHosts() throws Exception {
		writeInventoryAndPlan("true");
		Files.writeString(this.dir.resolve("hosts.yml"), """
				all:
				  children:
				    db:
				      hosts:
				        db1: {ansible_host: 127.0.0.1, ansible_port: %d, ansible_user: %s,
				              ansible_ssh_private_key_file: "%s", runbook_known_hosts: "%s"}
				""".formatted(DB1.port(), DB1.user(), DB1.clientKey(), DB1.knownHosts()));
		RunbookCli.Result result = RunbookCli.run(this.dir, Duration.ofSeconds(120), "run", "plan.md", "--inventory",
				"hosts.yml", "--yes", "--log-dir", "logs");
		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(this.dir.resolve("ran-" + DB1.port())).exists();
	}

	@Test
	void aServerThatDropsItsConnectionsMidBlockLeavesTheFleetAndTheOthersGoOn() throws Exception {
		writeInventoryAndPlan("[ \"$port\" = " + WEB2.port() + " ] && { echo 'sleeping here'; sleep 120; }");
		Process run = RunbookCli.start(this.dir, "run", "plan.md", "--inventory", "hosts.ini", "--yes",
				"--max-fail", "34%", "--log-dir", "logs");
		ConnectionLossChecks.awaitOutput(this.dir, "web2 | sleeping here", run);
		WEB2.dropConnections();
		RunbookCli.Result result = RunbookCli.waitFor(run, this.dir, Duration.ofSeconds(90));

		assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
		assertThat(result.stdout()).contains("web1 | after-ran").contains("db1 | after-ran")
			.doesNotContain("web2 | after-ran");
		assertThat(FleetPlans.state(new FleetPlans(this.dir).index(), "web2")).isEqualTo("unknown");
		assertThat(this.dir.resolve("ran-" + WEB2.port())).doesNotExist();
	}

}
