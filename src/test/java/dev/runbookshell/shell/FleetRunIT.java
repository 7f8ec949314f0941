package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runbook run} on several {@code local} targets, each starting in its own folder (the folder's name is
 * the host's name in the blocks): the built jar end to end. Order is read from a file every block appends to,
 * never from timing.
 */
class FleetRunIT {

	static final Duration TIMEOUT = Duration.ofSeconds(120);

	static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path dir;

	/** Front matter with local hosts h1..hN, each in its own folder, and the group {@code web} of all of them. */
	String frontMatter(int hosts) throws Exception {
		StringBuilder text = new StringBuilder("---\ntitle: Fleet\ntargets:\n");
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= hosts; i++) {
			Files.createDirectories(this.dir.resolve("h" + i));
			text.append("  h").append(i).append(": {uri: local, cwd: \"").append(this.dir.resolve("h" + i))
				.append("\"}\n");
			names.add("h" + i);
		}
		text.append("  web: [").append(String.join(", ", names)).append("]\n---\n");
		return text.toString();
	}

	/** A block that appends "HOST NAME" to ../order, then runs {@code body}. */
	static String block(String name, String body) {
		return """

				```bash {name=%s}
				echo "$(basename "$PWD") %s" >> ../order
				%s
				```
				""".formatted(name, name, body);
	}

	Path plan(int hosts, String... blocks) throws Exception {
		return Files.writeString(this.dir.resolve("plan.md"),
				frontMatter(hosts) + "# Fleet\n\n## Steps\n" + String.join("", blocks));
	}

	RunbookCli.Result run(String... args) throws Exception {
		List<String> all = new ArrayList<>(List.of("run", "plan.md", "--log-dir", "logs"));
		all.addAll(List.of(args));
		return RunbookCli.run(this.dir, TIMEOUT, all.toArray(String[]::new));
	}

	List<String> order() throws Exception {
		Path order = this.dir.resolve("order");
		return Files.isRegularFile(order) ? Files.readAllLines(order) : List.of();
	}

	JsonNode index() throws Exception {
		try (var files = Files.list(this.dir.resolve("logs"))) {
			Path index = files.filter(f -> f.getFileName().toString().contains("-fleet-")
					&& f.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
			return JSON.readTree(index.toFile());
		}
	}

	static String state(JsonNode index, String host) {
		for (JsonNode node : index.get("hosts")) {
			if (node.get("name").asText().equals(host)) {
				return node.get("state").asText();
			}
		}
		throw new AssertionError("no host " + host + " in " + index);
	}

	static int count(String text, String part) {
		Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
		int n = 0;
		while (matcher.find()) {
			n++;
		}
		return n;
	}

	@Test
	void aGroupRunsInLockstepWithOnePromptPerBlockPrefixedOutputAndGroupedSummaries() throws Exception {
		plan(3, block("hello", "echo \"hello from $(basename \"$PWD\")\""), block("same", "echo same everywhere"),
				block("last", "true"));
		RunbookCli.Result result = run("--target", "web", "--yes");
		assertThat(result.exitCode()).as(result.all()).isZero();
		List<String> order = order();
		assertThat(order).hasSize(9);
		// no host reached block N+1 before every host finished block N
		assertThat(order.subList(0, 3)).allMatch(line -> line.endsWith(" hello"));
		assertThat(order.subList(3, 6)).allMatch(line -> line.endsWith(" same"));
		assertThat(order.subList(6, 9)).allMatch(line -> line.endsWith(" last"));
		String out = result.stdout();
		assertThat(count(out, "==> [1/3] 1.1 hello")).isEqualTo(1);
		assertThat(out).contains("on h1, h2, h3 (3 hosts)").contains("h2 | hello from h2")
			.contains("----------------\nh1,h2,h3\n----------------\nsame everywhere\n")
			.contains("----------------\nh3\n----------------\nhello from h3\n");
		JsonNode index = index();
		assertThat(index.get("hosts")).hasSize(3);
		assertThat(index.get("decisions")).hasSize(3);
		for (JsonNode host : index.get("hosts")) {
			assertThat(host.get("state").asText()).isEqualTo("succeeded");
			Path journal = this.dir.resolve("logs").resolve(host.get("journal").asText());
			// each host's journal is an ordinary single-host journal
			RunbookCli.Result report = RunbookCli.run(this.dir, TIMEOUT, "report", journal.toString(), "--format",
					"json");
			assertThat(report.exitCode()).as(report.all()).isZero();
			assertThat(report.stdout()).contains("\"name\" : \"" + host.get("name").asText() + "\"");
		}
	}

	@Test
	void aFailedHostTakesNoFurtherBlocksAndByDefaultTheFleetStopsBeforeTheNextBlock() throws Exception {
		plan(3, block("first", "true"), block("fails-on-h2", "test \"$(basename \"$PWD\")\" != h2"),
				block("third", "true"));
		RunbookCli.Result result = run("--target", "h1,h2", "--target", "h3", "--yes");
		assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
		assertThat(order()).hasSize(6).noneMatch(line -> line.endsWith(" third"));
		assertThat(result.stdout()).contains("failed: h2 failed (exit 1)")
			.contains("stopping: 1 of 3 hosts failed (h2), --max-fail 0% allows 0");
		JsonNode index = index();
		assertThat(state(index, "h2")).isEqualTo("failed");
		assertThat(state(index, "h1")).isEqualTo("stopped");
	}

	@Test
	void withinMaxFailTheOthersGoOnWithoutTheFailedHost() throws Exception {
		plan(3, block("first", "true"), block("fails-on-h2", "test \"$(basename \"$PWD\")\" != h2"),
				block("third", "true"));
		RunbookCli.Result result = run("--target", "web", "--yes", "--max-fail", "34%");
		assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
		assertThat(order()).filteredOn(line -> line.endsWith(" third")).containsExactlyInAnyOrder("h1 third",
				"h3 third");
		assertThat(result.stdout()).contains("==> [3/3] 1.3 third  (Steps)  on h1, h3 (2 hosts)");
		JsonNode index = index();
		assertThat(state(index, "h1")).isEqualTo("succeeded");
		assertThat(state(index, "h2")).isEqualTo("failed");
	}

	@Test
	void unknownTargetsAreRefusedInOneLineWithExit2() throws Exception {
		plan(2, block("first", "true"));
		RunbookCli.Result result = run("--target", "h1,hh2", "--target", "nope", "--yes");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stderr().strip()).startsWith("error: unknown targets hh2, nope: not in the front matter")
			.doesNotContain("\n");
		assertThat(order()).isEmpty();
	}

	@Test
	void aOneHostRehearsalIsReplayedOnEveryHost() throws Exception {
		plan(3, block("first", "true"), block("skipped-in-rehearsal", "true"), block("third", "true"));
		Files.writeString(this.dir.resolve("answers.yaml"), "default: run\nblocks:\n  skipped-in-rehearsal: skip\n");
		RunbookCli.Result rehearsal = run("--target", "h1", "--answers", "answers.yaml");
		assertThat(rehearsal.exitCode()).as(rehearsal.all()).isZero();
		Path journal;
		try (var files = Files.list(this.dir.resolve("logs"))) {
			journal = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
		}
		Files.delete(this.dir.resolve("order"));
		RunbookCli.Result replay = run("--target", "h2,h3", "--replay", journal.toString());
		assertThat(replay.exitCode()).as(replay.all()).isZero();
		assertThat(order()).containsExactlyInAnyOrder("h2 first", "h3 first", "h2 third", "h3 third");
		assertThat(replay.stdout()).contains("<== 1.2 skipped-in-rehearsal: skipped on 2");
	}

}
