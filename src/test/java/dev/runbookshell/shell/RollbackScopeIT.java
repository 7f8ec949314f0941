package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On failure only the rollback steps of what ran are offered, and after a rollback the operator goes on. */
class RollbackScopeIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	/** A cut-over plan shaped like real ones: a rollback inside phase 3 and an emergency rollback at the end. */
	private static final String PLAN = """
			# Cut-over

			## Phase 1: Prepare

			```bash {name=prepare}
			echo prepared > prepare.txt
			```

			## Phase 2: Build

			```bash {name=build}
			echo built > build.txt
			```

			## Phase 3: Switch

			```bash {name=switch}
			echo switched > switch.txt
			```

			### Rollback of the switch

			```bash {name=unswitch}
			echo unswitched > unswitch.txt
			```

			## Phase 4: Clean

			```bash {name=clean}
			echo cleaned > clean.txt
			```

			## Emergency rollback

			```bash {name=emergency}
			echo emergency > emergency.txt
			```
			""";

	@TempDir
	Path dir;

	@Test
	void aFailureInPhaseTwoOffersNeitherTheSwitchRollbackOfPhaseThreeNorTheEmergencyRollback() throws Exception {
		RunbookCli.Result result = runRollingBack(PLAN.replace("echo built > build.txt", "false"));

		assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
		assertThat(result.stdout()).contains("<== 2.1 build failed").doesNotContain("rolling back")
			.doesNotContain("unswitch").doesNotContain("emergency");
		assertThat(this.dir.resolve("unswitch.txt")).doesNotExist();
		assertThat(this.dir.resolve("emergency.txt")).doesNotExist();
	}

	@Test
	void aFailureInPhaseThreeRollsBackThatPhaseOnly() throws Exception {
		RunbookCli.Result result = runRollingBack(PLAN.replace("echo switched > switch.txt",
				"echo switched > switch.txt; false"));

		assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
		assertThat(result.stdout()).contains("rolling back: 3.1.1 unswitch\n").doesNotContain("emergency");
		assertThat(this.dir.resolve("unswitch.txt")).exists();
		assertThat(this.dir.resolve("emergency.txt")).doesNotExist();
	}

	@Test
	void afterTheRollbackTheOperatorGoesOnWithTheNextPhaseInTheSameRun() throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), PLAN.replace("echo switched > switch.txt",
				"echo switched > switch.txt; false"));
		try (TmuxTerminal terminal = TmuxTerminal.start(this.dir,
				TmuxTerminal.runbook(this.dir, "run plan.md --log-dir logs"))) {
			terminal.await("[y] run", TIMEOUT);
			terminal.type("a");
			terminal.await("[b] run rollback", TIMEOUT);
			terminal.type("b");
			terminal.await("3.1.1 unswitch", TIMEOUT);
			terminal.type("y");
			String screen = terminal.await("after the rollback, 3.1 switch is still failed", TIMEOUT);
			assertThat(screen.substring(screen.indexOf("after the rollback"))).doesNotContain("[b] run rollback");
			terminal.type("i");
			screen = terminal.await("EXIT=", TIMEOUT);

			assertThat(screen).contains("<== 4.1 clean succeeded").doesNotContain("emergency");
		}
		assertThat(this.dir.resolve("unswitch.txt")).exists();
		assertThat(this.dir.resolve("clean.txt")).exists();
	}

	/** Runs {@code plan} unattended with answers that roll back on failure. */
	private RunbookCli.Result runRollingBack(String plan) throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), plan);
		Files.writeString(this.dir.resolve("answers.yaml"), "on-failure: rollback\n");
		return RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--answers", "answers.yaml", "--log-dir", "logs");
	}

}
