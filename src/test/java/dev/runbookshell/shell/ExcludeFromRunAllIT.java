package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A block annotated {@code excludeFromRunAll} runs unattended only when the answers (or the replayed log) name it. */
class ExcludeFromRunAllIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String PLAN = """
			# Plan

			## Deploy

			```bash {name=deploy}
			echo deployed >> deploy.txt
			```

			```bash {name=wipe-cache excludeFromRunAll=true}
			echo wiped >> wipe.txt
			```

			```bash {name=verify}
			echo verified >> verify.txt
			```
			""";

	@TempDir
	Path dir;

	@Test
	void defaultRunSkipsItAndAReplayOfThatRunSkipsItToo() throws Exception {
		RunbookCli.Result answered = rehearse("default: run\n");
		RunbookCli.Result replayed = replay();

		assertThat(answered.exitCode()).as(answered.all()).isZero();
		assertThat(answered.stdout()).contains("<== 1.2 wipe-cache skipped")
			.contains("1.2 wipe-cache is excludeFromRunAll: skipped");
		assertThat(replayed.exitCode()).as(replayed.all()).isZero();
		assertThat(replayed.stdout()).contains("<== 1.2 wipe-cache skipped");
		assertThat(this.dir.resolve("wipe.txt")).doesNotExist();
		assertThat(this.dir.resolve("verify.txt")).hasContent("verified\nverified");
	}

	@Test
	void answersThatNameItRunItAndSoDoesTheirReplay() throws Exception {
		RunbookCli.Result answered = rehearse("default: run\nblocks:\n  wipe-cache: run\n");
		RunbookCli.Result replayed = replay();

		assertThat(answered.exitCode()).as(answered.all()).isZero();
		assertThat(replayed.exitCode()).as(replayed.all()).isZero();
		assertThat(this.dir.resolve("wipe.txt")).hasContent("wiped\nwiped");
	}

	/** The plan run with these answers, journaled in rehearsal/. */
	private RunbookCli.Result rehearse(String answers) throws Exception {
		Files.writeString(this.dir.resolve("plan.md"), PLAN);
		Files.writeString(this.dir.resolve("answers.yaml"), answers);
		return RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--answers", "answers.yaml", "--log-dir",
				"rehearsal");
	}

	/** The rehearsal replayed, journaled in production/. */
	private RunbookCli.Result replay() throws Exception {
		return RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--replay",
				RunbookCli.journal(this.dir.resolve("rehearsal")).toString(), "--log-dir", "production");
	}

}
