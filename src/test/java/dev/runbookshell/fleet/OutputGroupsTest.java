package dev.runbookshell.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.RunbookParser;
import dev.runbookshell.session.SessionListener.BlockReport;

/** The summary after a block: hosts with the same output and outcome under one header, as dshbak -c. */
class OutputGroupsTest {

	private static Block block() throws Exception {
		return new RunbookParser().parse("plan.md", "# P\n\n## Deploy\n\n```bash {name=deploy}\ntrue\n```\n").flowBlocks().get(0);
	}

	private static HostBlock run(String host, BlockStatus status, Integer exit, String output) throws Exception {
		return new HostBlock(host, new BlockReport(block(), status, exit, Duration.ZERO, List.of(),
				status == BlockStatus.FAILED ? "exited " + exit : null), output);
	}

	@Test
	void hostsWithTheSameOutputShareOneHeaderAndFailuresAreListedApart() throws Exception {
		List<String> lines = OutputGroups.summary(List.of(run("web1", BlockStatus.SUCCEEDED, 0, "v2\n"),
				run("web2", BlockStatus.SUCCEEDED, 0, "v1\n"), run("web3", BlockStatus.SUCCEEDED, 0, "v2\n"),
				run("web4", BlockStatus.FAILED, 1, "v2\n")));
		assertThat(String.join("\n", lines)).isEqualTo("""
				<== 1.1 deploy: succeeded on 3, failed on 1
				----------------
				web1,web3
				----------------
				v2
				----------------
				web2
				----------------
				v1
				----------------
				web4 (failed)
				----------------
				v2
				failed: web4 failed (exit 1): exited 1""");
	}

	@Test
	void aBlockSkippedEverywhereIsOneLine() throws Exception {
		assertThat(OutputGroups.summary(List.of(run("a", BlockStatus.SKIPPED, null, ""),
				run("b", BlockStatus.SKIPPED, null, "")))).containsExactly("<== 1.1 deploy: skipped on 2");
	}

	@Test
	void aRetriedHostCountsWithItsLastRun() throws Exception {
		List<String> lines = OutputGroups.summary(List.of(run("a", BlockStatus.FAILED, 1, ""),
				run("b", BlockStatus.SUCCEEDED, 0, ""), run("a", BlockStatus.SUCCEEDED, 0, "")));
		assertThat(lines).containsExactly("<== 1.1 deploy: succeeded on 2", "----------------", "a,b",
				"----------------", "(no output)");
	}

}
