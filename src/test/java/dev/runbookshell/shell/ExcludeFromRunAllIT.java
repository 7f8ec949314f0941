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
		Files.writeString(this.dir.resolve("plan.md"), PLAN);
		Files.writeString(this.dir.resolve("answers.yaml"), "default: run\n");

		RunbookCli.Result answered = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--answers", "answers.yaml",
				"--log-dir", "rehearsal");
		RunbookCli.Result replayed = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--replay",
				RunbookCli.journal(this.dir.resolve("rehearsal")).toString(), "--log-dir", "production");

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
		Files.writeString(this.dir.resolve("plan.md"), PLAN);
		Files.writeString(this.dir.resolve("answers.yaml"), "default: run\nblocks:\n  wipe-cache: run\n");

		RunbookCli.Result answered = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--answers", "answers.yaml",
				"--log-dir", "rehearsal");
		RunbookCli.Result replayed = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--replay",
				RunbookCli.journal(this.dir.resolve("rehearsal")).toString(), "--log-dir", "production");

		assertThat(answered.exitCode()).as(answered.all()).isZero();
		assertThat(replayed.exitCode()).as(replayed.all()).isZero();
		assertThat(this.dir.resolve("wipe.txt")).hasContent("wiped\nwiped");
	}

}
