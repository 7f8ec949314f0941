package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --resume FLEET_INDEX}: each host continues after its own last finished block, in its own journal;
 * {@code --retry-failed} takes only the hosts that failed. Block 1.2 fails on a host while ../fail-HOST exists.
 */
class FleetResumeIT {

	@TempDir
	Path dir;

	private FleetPlans fleet;

	@BeforeEach
	void plan() throws Exception {
		this.fleet = new FleetPlans(this.dir);
		this.fleet.plan(3, FleetPlans.block("first", "true"),
				FleetPlans.block("second", "test ! -e \"../fail-$(basename \"$PWD\")\""),
				FleetPlans.block("third", "true"));
		Files.writeString(this.dir.resolve("fail-h2"), "");
	}

	private Path indexFile() throws Exception {
		try (var files = Files.list(this.dir.resolve("logs"))) {
			return files.filter(f -> f.getFileName().toString().contains("-fleet-")).findFirst().orElseThrow();
		}
	}

	@Test
	void retryFailedTakesOnlyTheFailedHostsAndResumeThenTheStoppedOnes() throws Exception {
		RunbookCli.Result first = this.fleet.run("--target", "web", "--yes");
		assertThat(first.exitCode()).as(first.all()).isEqualTo(1);
		Path index = indexFile();
		assertThat(FleetPlans.state(this.fleet.index(), "h1")).isEqualTo("stopped");
		Files.delete(this.dir.resolve("fail-h2"));
		Files.delete(this.dir.resolve("order"));

		RunbookCli.Result retry = this.fleet.run("--resume", index.toString(), "--retry-failed", "--yes");
		assertThat(retry.exitCode()).as(retry.all()).isZero();
		// h2 runs its failed block again and goes on; h1 and h3 are left as they were
		assertThat(this.fleet.order()).containsExactly("h2 second", "h2 third");
		JsonNode after = this.fleet.index();
		assertThat(FleetPlans.state(after, "h2")).isEqualTo("succeeded");
		assertThat(FleetPlans.state(after, "h1")).isEqualTo("stopped");
		assertThat(after.get("hosts")).hasSize(3);
		Files.delete(this.dir.resolve("order"));

		RunbookCli.Result rest = this.fleet.run("--resume", index.toString(), "--yes");
		assertThat(rest.exitCode()).as(rest.all()).isZero();
		assertThat(this.fleet.order()).containsExactlyInAnyOrder("h1 third", "h3 third");
		JsonNode done = this.fleet.index();
		for (String host : new String[] { "h1", "h2", "h3" }) {
			assertThat(FleetPlans.state(done, host)).isEqualTo("succeeded");
		}
		// one journal per host, continued, never a second one
		try (var files = Files.list(this.dir.resolve("logs"))) {
			assertThat(files.filter(f -> f.toString().endsWith(".jsonl")).count()).isEqualTo(3);
		}
		Path h2 = this.dir.resolve("logs").resolve(done.at("/hosts/1/journal").asText());
		assertThat(Files.readString(h2)).contains("\"type\":\"session-resumed\"");
		RunbookCli.Result verify = RunbookCli.run(this.dir, FleetPlans.TIMEOUT, "report", h2.toString());
		assertThat(verify.exitCode()).as(verify.all()).isZero();
	}

	@Test
	void resumeContinuesEachHostAfterItsOwnLastFinishedBlock() throws Exception {
		RunbookCli.Result first = this.fleet.run("--target", "web", "--yes", "--max-fail", "100%");
		assertThat(first.exitCode()).as(first.all()).isEqualTo(1);
		assertThat(FleetPlans.state(this.fleet.index(), "h1")).isEqualTo("succeeded");
		Files.delete(this.dir.resolve("fail-h2"));
		Files.delete(this.dir.resolve("order"));

		RunbookCli.Result resumed = this.fleet.run("--resume", indexFile().toString(), "--yes");
		assertThat(resumed.exitCode()).as(resumed.all()).isZero();
		assertThat(this.fleet.order()).containsExactly("h2 second", "h2 third");
	}

	@Test
	void retryFailedWithoutAFleetIndexIsRefused() throws Exception {
		RunbookCli.Result result = this.fleet.run("--target", "h1", "--retry-failed", "--yes");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stderr()).contains("--retry-failed needs --resume FLEET_INDEX");
	}

}
