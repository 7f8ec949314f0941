package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.Poll;

/**
 * The fleet at a real terminal (tmux): one question per block naming the hosts, the failure menu (retry on the
 * failed hosts, drop them and go on), and a risky block's typed confirmation naming the group and the number of
 * hosts.
 */
class FleetAtTheTerminalIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	/** Waits until {@code text} is on the screen {@code times} times. */
	private static String await(TmuxTerminal terminal, String text, int times) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		String screen = terminal.screen();
		while (FleetPlans.count(screen, text) < times) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("'" + text + "' not shown " + times + " times:\n" + screen);
			}
			Thread.sleep(Poll.MILLIS);
			screen = terminal.screen();
		}
		return screen;
	}

	@Test
	void oneQuestionPerBlockForTheFleetRetryOrDropTheFailedHostsAndTypeTheGroupForARiskyBlock() throws Exception {
		FleetPlans fleet = new FleetPlans(this.dir);
		fleet.plan(3, FleetPlans.block("first", "true"),
				FleetPlans.block("flaky", "test ! -e \"../fail-$(basename \"$PWD\")\""),
				FleetPlans.block("risky", "true").replace("{name=risky}", "{name=risky confirm=typed}"),
				FleetPlans.block("breaks-h3", "test \"$(basename \"$PWD\")\" != h3"),
				FleetPlans.block("final", "true"));
		Files.writeString(this.dir.resolve("fail-h2"), "");
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir,
				TmuxTerminal.runbook(this.dir, "run plan.md --target web --max-fail 50% --log-dir logs"))) {
			String screen = await(terminal, "[y] run", 1);
			assertThat(screen).contains("==> [1/5] 1.1 first  (Steps)  on h1, h2, h3 (3 hosts)");
			terminal.type("y");
			await(terminal, "[y] run", 2);
			terminal.type("y");

			screen = await(terminal, "[r] retry on the failed hosts", 1);
			assertThat(screen).contains("1.2 flaky did not succeed on 1 host: h2")
				.contains("[d] drop them and go on").contains("[q] stop");
			Files.delete(this.dir.resolve("fail-h2"));
			terminal.type("r");

			await(terminal, "[y] run", 3);
			terminal.type("y");
			screen = await(terminal, "Type the target's name (web)", 1);
			assertThat(screen).contains("!! 1.3 risky is risky (confirm=typed) and runs on 3 hosts of web");
			terminal.type("web");

			await(terminal, "[y] run", 4);
			terminal.type("y");
			screen = await(terminal, "[r] retry on the failed hosts", 2);
			assertThat(screen).contains("1.4 breaks-h3 did not succeed on 1 host: h3");
			terminal.type("d");

			await(terminal, "[y] run", 5);
			terminal.type("y");
			screen = terminal.await("EXIT=", WAIT);
			assertThat(screen).contains("EXIT=1").contains("==> [5/5] 1.5 final  (Steps)  on h1, h2 (2 hosts)");
		}
		assertThat(fleet.order()).filteredOn(line -> line.endsWith(" flaky")).containsExactlyInAnyOrder("h1 flaky",
				"h2 flaky", "h3 flaky", "h2 flaky");
		assertThat(fleet.order()).filteredOn(line -> line.endsWith(" final")).containsExactlyInAnyOrder("h1 final",
				"h2 final");
		JsonNode index = fleet.index();
		assertThat(FleetPlans.state(index, "h3")).isEqualTo("failed");
		assertThat(FleetPlans.state(index, "h2")).isEqualTo("succeeded");
		assertThat(index.get("decisions").toString()).contains("\"block\":\"1.2\",\"choice\":\"retry\",\"hosts\":[\"h2\"]");
	}

}
