package dev.runbookshell.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.Journal;
import dev.runbookshell.journal.JournalEvent.ToolRef;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalReader;
import dev.runbookshell.journal.RunMode;
import dev.runbookshell.journal.SessionStatus;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.RunbookParser;

/**
 * Results in the shapes Ansible's json and jsonl callbacks print (see their sources in ansible.posix), for a
 * runbook's exported tasks, turned into journals.
 */
class AnsibleImportTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String PLAY_START = "2026-03-01T10:00:00.000000Z";

	@TempDir
	Path dir;

	private Runbook runbook;

	private final AnsibleImport importer = new AnsibleImport(new ToolRef("runbook-shell", "test"), "alice", "laptop");

	@BeforeEach
	void parse() throws Exception {
		this.runbook = new RunbookParser().parse("runbooks/r.md", """
				# R

				## One

				```bash {name=first expect="ready"}
				echo ready
				```

				- [ ] looked at it
				- [ ] and at that

				```bash {name=second}
				false
				```

				```bash {name=third timeout=5s}
				sleep 60
				```
				""");
	}

	private Block block(String name) {
		return this.runbook.find(name).orElseThrow();
	}

	private ObjectNode shell(Block block, int rc, String stdout, String stderr) {
		ObjectNode result = JSON.createObjectNode().put("action", "ansible.builtin.shell").put("rc", rc)
			.put("stdout", stdout).put("stderr", stderr).put("delta", "0:00:01.250000")
			.put("cmd", "# runbook-shell: block " + block.label() + " (runbooks/r.md:" + block.line() + ", " + block.hash()
					+ ")\n__rb_slug='r'\n");
		if (rc != 0) {
			result.put("failed", true).put("msg", "non-zero return code");
		}
		return result;
	}

	/** {@code plays[0].tasks[]} of an ansible.posix.json document, each task {@code [name, start, {host: result}]}. */
	private Path results(String name, String playName, List<Object[]> tasks) throws Exception {
		ObjectNode root = JSON.createObjectNode();
		ObjectNode play = root.putArray("plays").addObject();
		play.putObject("play").put("name", playName).put("path", this.dir.resolve("out/playbook.yml") + ":1")
			.putObject("duration").put("start", PLAY_START).put("end", "2026-03-01T10:05:00.000000Z");
		ArrayNode list = play.putArray("tasks");
		for (Object[] task : tasks) {
			ObjectNode node = list.addObject();
			node.putObject("task").put("name", (String) task[0]).putObject("duration").put("start", (String) task[1]);
			@SuppressWarnings("unchecked")
			Map<String, ObjectNode> hosts = (Map<String, ObjectNode>) task[2];
			ObjectNode hostNode = node.putObject("hosts");
			hosts.forEach(hostNode::set);
		}
		ObjectNode stats = root.putObject("stats");
		tasks.stream().flatMap(t -> ((Map<?, ?>) t[2]).keySet().stream()).distinct()
			.forEach(host -> stats.putObject((String) host).put("ok", 1));
		return Files.writeString(this.dir.resolve(name), "[1.1 first]\nsome prompt:\n" + JSON.writeValueAsString(root));
	}

	private String playName() {
		return "runbook-shell: runbooks/r.md (sha256:" + this.runbook.sha256() + ")";
	}

	private static ObjectNode pause(String input, boolean failed) {
		ObjectNode result = JSON.createObjectNode().put("action", "ansible.builtin.pause").put("user_input", input);
		return failed ? result.put("failed", true) : result;
	}

	private static ObjectNode skipped(String action) {
		return JSON.createObjectNode().put("action", action).put("skipped", true);
	}

	private List<JournalEvent> events(AnsibleImport.Imported imported) {
		Journal journal = new JournalReader().read(imported.journal());
		assertThat(journal.verification().isBroken()).isFalse();
		return journal.entries().stream().map(e -> e.event()).toList();
	}

	private static <T> List<T> of(List<JournalEvent> events, Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	@Test
	void eachHostGetsAJournalWithItsBlocksStatusesOutputsAndTheScriptsNotes() throws Exception {
		Path result = results("r.json", playName(), List.<Object[]>of(
				new Object[] { "1.1 first", "2026-03-01T10:00:01.000000Z", Map.of(
						"web1", shell(block("first"), 0, "ready", ""),
						"web2", shell(block("first"), 0, "not yet", "").put("failed", true).put("failed_when_result", true)) },
				new Object[] { "check line 9: looked at it", "2026-03-01T10:00:03.000000Z", Map.of("web1", pause("y", false)) },
				new Object[] { "check line 10: and at that", "2026-03-01T10:00:04.000000Z", Map.of("web1", pause("maybe", false)) },
				new Object[] { "1.2 second", "2026-03-01T10:00:05.000000Z", Map.of(
						"web1", shell(block("second"), 1, "",
								"runbook-shell: runbooks/r.md:13: 1.2 second stopped at its first failed command (exit 1): false")) }));

		List<AnsibleImport.Imported> imported = this.importer.importRun(this.runbook, result, this.dir.resolve("logs"), false);

		assertThat(imported).extracting(AnsibleImport.Imported::host).containsExactly("web1", "web2");
		List<JournalEvent> web1 = events(imported.get(0));
		JournalEvent.SessionStarted started = of(web1, JournalEvent.SessionStarted.class).get(0);
		assertThat(started.mode()).isEqualTo(RunMode.ANSIBLE);
		assertThat(started.target().name()).isEqualTo("web1");
		assertThat(started.operator()).isEqualTo("alice");
		List<JournalEvent.BlockFinished> finished = of(web1, JournalEvent.BlockFinished.class);
		assertThat(finished).extracting(f -> f.block().id() + " " + f.status() + " " + f.exitCode() + " " + f.output())
			.containsExactly("1.1 SUCCEEDED 0 ready\n", "1.2 FAILED 1 ");
		assertThat(finished.get(0).durationMs()).isEqualTo(1250);
		assertThat(finished.get(0).expectations()).extracting(JournalEvent.ExpectationResult::met).containsExactly(true);
		assertThat(of(web1, JournalEvent.Note.class)).extracting(JournalEvent.Note::text)
			.contains("runbooks/r.md:13: 1.2 second stopped at its first failed command (exit 1): false");
		assertThat(of(web1, JournalEvent.Check.class)).extracting(c -> c.line() + " " + c.result().wire())
			.containsExactly("9 checked", "10 unverified");
		assertThat(imported.get(0).status().wire()).isEqualTo("failed");
		assertThat(imported.get(0).counts()).containsEntry("not-run", 1).containsEntry("failed", 1);
		List<JournalEvent> web2 = events(imported.get(1));
		assertThat(of(web2, JournalEvent.BlockFinished.class)).extracting(f -> f.status() + " " + f.expectations().get(0).met())
			.as("failed_when failed the task on its expectation").containsExactly("FAILED false");
		assertThat(of(web2, JournalEvent.Check.class)).as("a failed host leaves the play: nothing is asked for it").isEmpty();
	}

	@Test
	void timeoutsUnreachableHostsAndNoLogTasksAreRecordedForWhatTheyAre() throws Exception {
		ObjectNode timedOut = JSON.createObjectNode().put("action", "ansible.builtin.shell").put("failed", true)
			.put("msg", "The ansible.builtin.shell action failed to execute in the expected time frame (5) and was terminated");
		ObjectNode unreachable = JSON.createObjectNode().put("unreachable", true).put("msg", "Failed to connect to the host via ssh");
		ObjectNode censored = JSON.createObjectNode().put("action", "ansible.builtin.shell")
			.put("censored", "the output has been hidden due to the fact that 'no_log: true' was specified for this result");
		Path result = results("r.json", playName(), List.<Object[]>of(
				new Object[] { "1.1 first", "2026-03-01T10:00:01.000000Z", Map.of("a", censored, "b", unreachable,
						"c", shell(block("first"), 0, "ready", "")) },
				new Object[] { "1.2 second", "2026-03-01T10:00:02.000000Z", Map.of("a", skipped("ansible.builtin.shell"),
						"c", shell(block("second"), 0, "", "")) },
				new Object[] { "1.3 third", "2026-03-01T10:00:03.000000Z", Map.of("a", shell(block("third"), 0, "", ""),
						"c", timedOut) }));

		List<AnsibleImport.Imported> imported = this.importer.importRun(this.runbook, result, this.dir.resolve("logs"), true);

		Map<String, List<String>> statuses = new java.util.LinkedHashMap<>();
		for (AnsibleImport.Imported journal : imported) {
			statuses.put(journal.host(), of(events(journal), JournalEvent.BlockFinished.class).stream()
				.map(f -> f.block().id() + " " + f.status().wire()).toList());
		}
		assertThat(statuses).containsExactly(Map.entry("a", List.of("1.1 succeeded", "1.2 skipped", "1.3 succeeded")),
				Map.entry("b", List.of("1.1 unknown")), Map.entry("c", List.of("1.1 succeeded", "1.2 succeeded", "1.3 timed-out")));
		List<JournalEvent> a = events(imported.get(0));
		assertThat(of(a, JournalEvent.BlockFinished.class).get(0).output()).isEqualTo("(hidden by Ansible: no_log)\n");
		assertThat(of(a, JournalEvent.Note.class)).extracting(JournalEvent.Note::text)
			.contains("Ansible hid this block's output and exit code (no_log: it uses a secret)");
		assertThat(of(a, JournalEvent.Decision.class)).extracting(d -> d.choice().wire()).containsExactly("run", "skip", "run");
		assertThat(imported.get(1).status().wire()).isEqualTo("failed");
	}

	@Test
	void aRefusedConfirmationStopsEveryHostOfTheBatch() throws Exception {
		Path result = results("r.json", playName(), List.<Object[]>of(
				new Object[] { "1.1 first", "2026-03-01T10:00:01.000000Z", Map.of("web1", pause("wrong", true)) }));

		List<AnsibleImport.Imported> imported = this.importer.importRun(this.runbook, result, this.dir.resolve("logs"), false);

		assertThat(imported).extracting(AnsibleImport.Imported::host).containsExactly("web1");
		List<JournalEvent> events = events(imported.get(0));
		assertThat(of(events, JournalEvent.Decision.class)).extracting(d -> d.choice().wire()).containsExactly("stop");
		assertThat(of(events, JournalEvent.BlockStarted.class)).isEmpty();
		assertThat(imported.get(0).status()).isEqualTo(SessionStatus.STOPPED);
	}

	@Test
	void jsonLinesWithAPromptBeforeThemGiveTheSameJournal() throws Exception {
		ObjectNode task = JSON.createObjectNode();
		task.putObject("task").put("name", "1.1 first").put("id", "t1").putObject("duration").put("start", PLAY_START);
		task.putObject("hosts").set("web1", shell(block("first"), 0, "ready", ""));
		String lines = "{\"_event\":\"v2_playbook_on_play_start\",\"_timestamp\":\"" + PLAY_START + "\",\"play\":{\"name\":"
				+ JSON.writeValueAsString(playName()) + ",\"path\":\"/x/playbook.yml:1\"}}\n"
				+ "[1.1 first]\nType yes:" + "{\"_event\":\"v2_runner_on_ok\",\"_timestamp\":\"2026-03-01T10:00:02.500000Z\","
				+ JSON.writeValueAsString(task).substring(1) + "\n";
		Path result = Files.writeString(this.dir.resolve("r.jsonl"), lines);

		List<AnsibleImport.Imported> imported = this.importer.importRun(this.runbook, result, this.dir.resolve("logs"), false);

		JournalEvent.BlockFinished finished = of(events(imported.get(0)), JournalEvent.BlockFinished.class).get(0);
		assertThat(finished.status()).isEqualTo(BlockStatus.SUCCEEDED);
		assertThat(finished.output()).isEqualTo("ready\n");
		assertThat(new JournalReader().read(imported.get(0).journal()).entries().stream()
			.filter(e -> e.event() instanceof JournalEvent.BlockFinished).findFirst().orElseThrow().at())
			.hasToString("2026-03-01T10:00:02.500Z");
	}

	@Test
	void aBlockThatChangedSinceTheExportIsRefusedUnlessForced() throws Exception {
		ObjectNode changed = shell(block("first"), 0, "ready", "");
		changed.put("cmd", changed.get("cmd").asText().replace(block("first").hash(), "sha256:" + "0".repeat(64)));
		Path result = results("r.json", playName(), List.<Object[]>of(
				new Object[] { "1.1 first", "2026-03-01T10:00:01.000000Z", Map.of("web1", changed) }));

		assertThatThrownBy(() -> this.importer.importRun(this.runbook, result, this.dir.resolve("logs"), false))
			.isInstanceOf(AnsibleException.class)
			.hasMessageStartingWith("cannot import: block 1.1 first changed since " + result)
			.hasMessageEndingWith("--force to proceed)");
		assertThat(this.importer.importRun(this.runbook, result, this.dir.resolve("logs"), true)).hasSize(1);
	}

	@Test
	void resultsThatAreNotAnExportsRunAreRefused() throws Exception {
		Path other = results("other.json", "some other play", List.of());
		Path dryRun = results("dry.json", "runbook-shell: dry run of runbooks/r.md (sha256:x)", List.of());
		Path text = Files.writeString(this.dir.resolve("plain.txt"), "PLAY [x] ****\nok: [web1]\n");

		assertThatThrownBy(() -> this.importer.importRun(this.runbook, other, this.dir, false))
			.hasMessageContaining("no play of a playbook exported by runbook-shell (plays: some other play)");
		assertThatThrownBy(() -> this.importer.importRun(this.runbook, dryRun, this.dir, false))
			.hasMessageContaining("a dry run (check.yml) runs no block");
		assertThatThrownBy(() -> this.importer.importRun(this.runbook, text, this.dir, false))
			.hasMessageContaining("ANSIBLE_STDOUT_CALLBACK=ansible.posix.json");
	}

}
