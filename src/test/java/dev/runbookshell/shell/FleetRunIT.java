package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runbook run} on several {@code local} targets, each starting in its own folder (the folder's name is
 * the host's name in the blocks): the built jar end to end. Order is read from a file every block appends to,
 * never from timing.
 */
class FleetRunIT {

	@TempDir
	Path dir;

	private FleetPlans fleet;

	@BeforeEach
	void fleet() {
		this.fleet = new FleetPlans(this.dir);
	}

	private Path plan(int hosts, String... blocks) throws Exception {
		return this.fleet.plan(hosts, blocks);
	}

	private RunbookCli.Result run(String... args) throws Exception {
		return this.fleet.run(args);
	}

	private List<String> order() throws Exception {
		return this.fleet.order();
	}

	private JsonNode index() throws Exception {
		return this.fleet.index();
	}

	@Test
	void aGroupRunsInLockstepWithOnePromptPerBlockPrefixedOutputAndGroupedSummaries() throws Exception {
		plan(3, FleetPlans.block("hello", "echo \"hello from $(basename \"$PWD\")\""), FleetPlans.block("same", "echo same everywhere"),
				FleetPlans.block("last", "true"));
		RunbookCli.Result result = run("--target", "web", "--yes");
		assertThat(result.exitCode()).as(result.all()).isZero();
		List<String> order = order();
		assertThat(order).hasSize(9);
		// no host reached block N+1 before every host finished block N
		assertThat(order.subList(0, 3)).allMatch(line -> line.endsWith(" hello"));
		assertThat(order.subList(3, 6)).allMatch(line -> line.endsWith(" same"));
		assertThat(order.subList(6, 9)).allMatch(line -> line.endsWith(" last"));
		String out = result.stdout();
		assertThat(FleetPlans.count(out, "==> [1/3] 1.1 hello")).isEqualTo(1);
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
			RunbookCli.Result report = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", journal.toString(), "--format",
					"json");
			assertThat(report.exitCode()).as(report.all()).isZero();
			assertThat(report.stdout()).contains("\"name\" : \"" + host.get("name").asText() + "\"");
		}
	}

	/** Three blocks on h1..h3; the second fails on h2. */
	private void failingOnH2() throws Exception {
		plan(3, FleetPlans.block("first", "true"), FleetPlans.block("fails-on-h2", "test \"$(basename \"$PWD\")\" != h2"),
				FleetPlans.block("third", "true"));
	}

	@Test
	void aFailedHostTakesNoFurtherBlocksAndByDefaultTheFleetStopsBeforeTheNextBlock() throws Exception {
		failingOnH2();
		RunbookCli.Result result = run("--target", "h1,h2", "--target", "h3", "--yes");
		assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
		assertThat(order()).hasSize(6).noneMatch(line -> line.endsWith(" third"));
		assertThat(result.stdout()).contains("failed: h2 failed (exit 1)")
			.contains("stopping: 1 of 3 hosts failed (h2), --max-fail 0% allows 0");
		JsonNode index = index();
		assertThat(FleetPlans.state(index, "h2")).isEqualTo("failed");
		assertThat(FleetPlans.state(index, "h1")).isEqualTo("stopped");
	}

	@Test
	void withinMaxFailTheOthersGoOnWithoutTheFailedHost() throws Exception {
		failingOnH2();
		RunbookCli.Result result = run("--target", "web", "--yes", "--max-fail", "34%");
		assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
		assertThat(order()).filteredOn(line -> line.endsWith(" third")).containsExactlyInAnyOrder("h1 third",
				"h3 third");
		assertThat(result.stdout()).contains("==> [3/3] 1.3 third  (Steps)  on h1, h3 (2 hosts)");
		JsonNode index = index();
		assertThat(FleetPlans.state(index, "h1")).isEqualTo("succeeded");
		assertThat(FleetPlans.state(index, "h2")).isEqualTo("failed");
	}

	@Test
	void unknownTargetsAreRefusedInOneLineWithExit2() throws Exception {
		plan(2, FleetPlans.block("first", "true"));
		RunbookCli.Result result = run("--target", "h1,hh2", "--target", "nope", "--yes");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stderr().strip()).startsWith("error: unknown targets hh2, nope: not in the front matter")
			.doesNotContain("\n");
		assertThat(order()).isEmpty();
	}

	@Test
	void aOneHostRehearsalIsReplayedOnEveryHost() throws Exception {
		plan(3, FleetPlans.block("first", "true"), FleetPlans.block("skipped-in-rehearsal", "true"), FleetPlans.block("third", "true"));
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

	@Test
	void aRollbackChosenAfterAFailureRunsOnTheFailedHostsOnly() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), this.fleet.frontMatter(2) + """
				# Rollback

				## Change

				```bash {name=change rollback=undo}
				echo changed > state
				```

				```bash {name=breaks-h2}
				test "$(basename "$PWD")" != h2
				```

				## Rollback

				```bash {name=undo}
				rm state
				```
				""");
		Files.writeString(this.dir.resolve("answers.yaml"), "default: run\non-failure: rollback\n");
		RunbookCli.Result result = run("--target", "web", "--answers", "answers.yaml", "--max-fail", "50%");
		assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
		assertThat(result.stdout()).contains("h2 | rolling back: 2.1 undo").doesNotContain("h1 | rolling back");
		assertThat(this.dir.resolve("h1/state")).exists();
		assertThat(this.dir.resolve("h2/state")).doesNotExist();
		assertThat(index().get("decisions").toString()).contains("\"block\":\"1.2\",\"choice\":\"rollback\",\"hosts\":[\"h2\"]");
	}

}
