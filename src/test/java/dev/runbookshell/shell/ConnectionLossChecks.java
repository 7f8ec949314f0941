package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.runbookshell.testsupport.Poll;

/** What the operator must see after a run whose target went away during a block (logs in {@code logs/}). */
final class ConnectionLossChecks {

	/** Printed once the long block runs. */
	static final String RUNNING = "block is running";

	private static final ObjectMapper JSON = new ObjectMapper();

	private ConnectionLossChecks() {
	}

	/** {@code plan.md}: block 1.1 prints {@link #RUNNING} and sleeps 120 s; block 2.1 prints after-ran. */
	static void writePlan(Path dir) throws Exception {
		Files.writeString(dir.resolve("plan.md"), """
				# Loss

				## Long

				```bash {name=long}
				echo "%s"
				sleep 120
				```

				## After

				```bash {name=after}
				echo after-ran
				```
				""".formatted(RUNNING));
	}

	/** Waits until the run printed {@code text} on stdout, failing early when it ended instead. */
	static void awaitOutput(Path dir, String text, Process run) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		Path stdout = dir.resolve(".stdout");
		while (!(Files.exists(stdout) && Files.readString(stdout).contains(text))) {
			if (!run.isAlive()) {
				throw new AssertionError("the run ended (exit " + run.exitValue() + ") before printing '" + text
						+ "':\n" + Files.readString(stdout) + Files.readString(dir.resolve(".stderr")));
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("'" + text + "' not printed within 60 s");
			}
			Thread.sleep(Poll.MILLIS);
		}
	}

	/**
	 * Exit 3; the block shown and journaled as unknown with {@code cause} in its message, never as succeeded;
	 * one line on stderr naming the block; no stack trace anywhere the operator looks; nothing ran after it.
	 */
	static void assertLost(RunbookCli.Result result, Path dir, String blockId, String cause) throws Exception {
		assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
		assertThat(result.stdout()).contains("<== " + blockId).contains(" unknown (").contains(cause)
			.doesNotContain("succeeded (exit").doesNotContain("after-ran");
		assertThat(result.stderr().strip()).doesNotContain("\n").contains("connection lost during " + blockId);
		assertThat(result.all()).doesNotContain("Exception").doesNotContain("\tat ");
		List<String> statuses = new ArrayList<>();
		for (String line : Files.readAllLines(RunbookCli.journal(dir.resolve("logs")))) {
			JsonNode event = JSON.readTree(line);
			if (event.get("type").asText().equals("block-finished")
					&& event.at("/block/id").asText().equals(blockId)) {
				statuses.add(event.get("status").asText());
			}
		}
		assertThat(statuses).containsExactly("unknown");
	}

}
