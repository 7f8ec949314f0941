package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.RunbookParseException;
import dev.runbookshell.runbook.RunbookParser;

class RollbackScopesTest {

	private static final int GROUPS = 500;

	/**
	 * Each group: a phase with a rollback section of its own (two of its blocks paired with flow blocks, one from
	 * each side), two phases without, and a top-level rollback after them, which covers the phases since the
	 * previous rollback section (the first phase's).
	 */
	@Test
	@Timeout(value = 20, unit = TimeUnit.SECONDS) // the old blocks x blocks work took 40 s on this shape
	void aLongRunbookGetsEachBlocksStepsAtOnceAndTheSameAsAShortOne() {
		Runbook runbook = parse(groups(GROUPS));
		RollbackScopes scopes = RollbackScopes.of(runbook);

		assertThat(runbook.flowBlocks()).hasSize(4 * GROUPS);
		for (int g = 1; g <= GROUPS; g++) {
			assertThat(names(scopes.stepsFor(find(runbook, "p-" + g + "-1a")))).as("group %d", g)
				.containsExactly("undo-" + g + "-c", "undo-" + g + "-a");
			assertThat(names(scopes.stepsFor(find(runbook, "p-" + g + "-1b")))).as("group %d", g)
				.containsExactly("undo-" + g + "-b", "undo-" + g + "-a");
			assertThat(names(scopes.stepsFor(find(runbook, "p-" + g + "-2")))).as("group %d", g)
				.containsExactly("emergency-" + g);
			assertThat(names(scopes.stepsFor(find(runbook, "p-" + g + "-3")))).as("group %d", g)
				.containsExactly("emergency-" + g);
		}
		// the same shape, one group long, reads the same
		Runbook one = parse(groups(1));
		RollbackScopes short1 = RollbackScopes.of(one);
		for (Block block : one.flowBlocks()) {
			assertThat(names(short1.stepsFor(block))).isEqualTo(names(scopes.stepsFor(find(runbook, block.name()))));
		}
	}

	private static String groups(int count) {
		StringBuilder markdown = new StringBuilder("# Long cut-over\n\n");
		for (int g = 1; g <= count; g++) {
			markdown.append("## Phase ").append(g).append(".1\n\n")
				.append(block("p-" + g + "-1a", null))
				.append(block("p-" + g + "-1b", "undo-" + g + "-b"))
				.append("### Rollback of phase ").append(g).append(".1\n\n")
				.append(block("undo-" + g + "-a", null))
				.append(block("undo-" + g + "-b", null))
				.append(block("undo-" + g + "-c", "p-" + g + "-1a"))
				.append("## Phase ").append(g).append(".2\n\n")
				.append(block("p-" + g + "-2", null))
				.append("## Phase ").append(g).append(".3\n\n")
				.append(block("p-" + g + "-3", null))
				.append("## Rollback of group ").append(g).append("\n\n")
				.append(block("emergency-" + g, null));
		}
		return markdown.toString();
	}

	private static String block(String name, String rollback) {
		return "```bash {name=" + name + (rollback == null ? "" : " rollback=" + rollback) + "}\necho " + name
				+ "\n```\n\n";
	}

	private static Block find(Runbook runbook, String name) {
		return runbook.find(name).orElseThrow();
	}

	private static Runbook parse(String markdown) {
		try {
			return new RunbookParser().parse("long.md", markdown);
		}
		catch (RunbookParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> names(List<Block> blocks) {
		return blocks.stream().map(Block::name).toList();
	}

}
