package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.RunbookParseException;
import dev.runbookshell.runbook.RunbookParser;

class RollbackPlanTest {

	/** Shaped like a real cut-over plan: a rollback inside phase 3, and an emergency rollback at the end. */
	private final Runbook phases = parse("phases.md", """
			# Cut-over

			## Phase 1: Prepare

			```bash {name=prepare}
			echo prepare
			```

			## Phase 2: Build

			```bash {name=build}
			echo build
			```

			## Phase 3: Switch

			```bash {name=switch}
			echo switch
			```

			### Rollback of the switch

			```bash {name=unswitch}
			echo unswitch
			```

			## Phase 4: Clean

			```bash {name=clean}
			echo clean
			```

			```bash {name=archive}
			echo archive
			```

			## Emergency rollback

			```bash {name=emergency}
			echo emergency
			```
			""");

	@Test
	void aFailureBeforeAnyPhaseWithARollbackOffersNothing() {
		RollbackPlan plan = ran(this.phases, "prepare", "build");

		assertThat(names(plan.steps())).isEmpty();
	}

	@Test
	void aRollbackSectionInsideAPhaseIsOfferedOnceThatPhaseRan() {
		RollbackPlan plan = ran(this.phases, "prepare", "build", "switch");

		assertThat(names(plan.steps())).containsExactly("unswitch");
	}

	@Test
	void aTopLevelRollbackCoversThePhasesSinceThePreviousRollbackNewestFirst() {
		RollbackPlan plan = ran(this.phases, "prepare", "build", "switch", "clean");

		assertThat(names(plan.steps())).containsExactly("emergency", "unswitch");
	}

	@Test
	void aRollbackThatSucceededIsNotOfferedAgainUntilItsPhaseRunsAgain() {
		RollbackPlan plan = ran(this.phases, "prepare", "switch", "unswitch");

		assertThat(names(plan.steps())).isEmpty();

		settle(plan, this.phases, "switch", BlockStatus.FAILED);
		assertThat(names(plan.steps())).containsExactly("unswitch");
	}

	@Test
	void aBlockThatNamesARollbackSectionOwnsItAndAFailedBlockCounts() {
		Runbook named = parse("named.md", """
				## Prepare

				```bash {name=prepare rollback=undo-all-rollback}
				echo prepare
				```

				## Migrate

				```bash {name=migrate}
				echo migrate
				```

				## Undo all (rollback)

				```bash {name=undo-a}
				echo a
				```

				```bash {name=undo-b}
				echo b
				```
				""");

		assertThat(names(ran(named, "migrate").steps())).isEmpty();
		RollbackPlan plan = new RollbackPlan(named);
		settle(plan, named, "prepare", BlockStatus.FAILED);
		assertThat(names(plan.steps())).containsExactly("undo-a", "undo-b");
	}

	@Test
	void aRunbookWithOneRollbackSectionAtTheEndCoversEverything() {
		Runbook simple = parse("simple.md", """
				## One

				```bash {name=one}
				echo one
				```

				## Rollback

				```bash {name=undo}
				echo undo
				```
				""");

		assertThat(names(ran(simple, "one").steps())).containsExactly("undo");
		RollbackPlan skipped = new RollbackPlan(simple);
		skipped.settled(simple.find("one").orElseThrow(), BlockStatus.SKIPPED, true);
		assertThat(skipped.steps()).isEmpty();
	}

	@Test
	void anExporterPlansTheRollbackOfEverythingAndLearnsWhichBlocksEachStepUndoes() {
		List<Block> flow = this.phases.flowBlocks();

		assertThat(names(RollbackPlan.plan(this.phases, flow))).containsExactly("emergency", "unswitch");
		assertThat(names(RollbackPlan.undoneBy(this.phases, this.phases.find("unswitch").orElseThrow())))
			.containsExactly("switch");
		assertThat(names(RollbackPlan.undoneBy(this.phases, this.phases.find("emergency").orElseThrow())))
			.containsExactly("clean", "archive");
	}

	private static Runbook parse(String name, String markdown) {
		try {
			return new RunbookParser().parse(name, markdown);
		}
		catch (RunbookParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RollbackPlan ran(Runbook runbook, String... names) {
		RollbackPlan plan = new RollbackPlan(runbook);
		for (String name : names) {
			settle(plan, runbook, name, BlockStatus.SUCCEEDED);
		}
		return plan;
	}

	private static void settle(RollbackPlan plan, Runbook runbook, String name, BlockStatus status) {
		plan.settled(runbook.find(name).orElseThrow(), status, true);
	}

	private static List<String> names(List<Block> blocks) {
		return blocks.stream().map(Block::name).toList();
	}

}
