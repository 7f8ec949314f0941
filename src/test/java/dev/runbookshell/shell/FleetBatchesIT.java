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
 * {@code --parallel} observed by the blocks themselves (how many marker files exist while each runs) and
 * {@code --serial} canary batches read from the order the blocks ran in: the built jar on local targets.
 */
class FleetBatchesIT {

	/**
	 * Marks itself running, waits (bounded) until {@code want} blocks run at once, writes how many it saw, and
	 * unmarks itself before it ends.
	 */
	private static final String COUNTING = """
			h=$(basename "$PWD"); mkdir -p ../running; touch "../running/$h"
			n=0; for i in $(seq 200); do n=$(ls ../running | wc -l); [ "$n" -ge %d ] && break; sleep 0.1; done
			echo "$n" >> ../counts
			rm "../running/$h\"""";

	@TempDir
	Path dir;

	private FleetPlans fleet;

	@BeforeEach
	void fleet() {
		this.fleet = new FleetPlans(this.dir);
	}

	private List<Integer> counts() throws Exception {
		return Files.readAllLines(this.dir.resolve("counts")).stream().map(String::strip).map(Integer::valueOf)
			.toList();
	}

	@Test
	void parallelBoundsHowManyHostsRunABlockAtOnce() throws Exception {
		this.fleet.plan(4, FleetPlans.block("a", COUNTING.formatted(2)), FleetPlans.block("b", COUNTING.formatted(2)));
		RunbookCli.Result result = this.fleet.run("--target", "web", "--yes", "--parallel", "2");
		assertThat(result.exitCode()).as(result.all()).isZero();
		// eight runs; two at once were seen, never more
		assertThat(counts()).hasSize(8).allMatch(n -> n <= 2).contains(2);
		assertThat(this.fleet.order().subList(0, 4)).allMatch(line -> line.endsWith(" a"));
	}

	@Test
	void parallelOneRunsOneHostAtATime() throws Exception {
		this.fleet.plan(3, FleetPlans.block("a", COUNTING.formatted(1)));
		RunbookCli.Result result = this.fleet.run("--target", "web", "--yes", "--parallel", "1");
		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(counts()).containsExactly(1, 1, 1);
	}

	@Test
	void aSerialCanaryWalksTheWholeRunbookBeforeTheNextBatchStarts() throws Exception {
		this.fleet.plan(3, FleetPlans.block("a", "true"), FleetPlans.block("b", "true"));
		RunbookCli.Result result = this.fleet.run("--target", "web", "--yes", "--serial", "1,100%");
		assertThat(result.exitCode()).as(result.all()).isZero();
		List<String> order = this.fleet.order();
		assertThat(order.subList(0, 2)).containsExactly("h1 a", "h1 b");
		assertThat(order.subList(2, 4)).containsExactlyInAnyOrder("h2 a", "h3 a");
		assertThat(order.subList(4, 6)).containsExactlyInAnyOrder("h2 b", "h3 b");
		assertThat(result.stdout()).contains("=== batch 1 of 2: h1").contains("=== batch 2 of 2: h2, h3");
		JsonNode index = this.fleet.index();
		assertThat(index.get("batches").toString()).isEqualTo("[[\"h1\"],[\"h2\",\"h3\"]]");
	}

	@Test
	void aFailedCanaryLeavesTheLaterBatchesUnstarted() throws Exception {
		this.fleet.plan(3, FleetPlans.block("a", "test \"$(basename \"$PWD\")\" != h1"), FleetPlans.block("b", "true"));
		RunbookCli.Result result = this.fleet.run("--target", "web", "--yes", "--serial", "1");
		assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
		assertThat(this.fleet.order()).containsExactly("h1 a");
		assertThat(result.stdout()).contains("batch 2 not started: stopping: 1 of 3 hosts failed (h1)");
		JsonNode index = this.fleet.index();
		assertThat(FleetPlans.state(index, "h1")).isEqualTo("failed");
		assertThat(FleetPlans.state(index, "h3")).isEqualTo("not-run");
		assertThat(index.at("/hosts/2/journal").isNull()).isTrue();
	}

}
