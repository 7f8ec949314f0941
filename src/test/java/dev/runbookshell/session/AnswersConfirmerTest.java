package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.runbook.Runbook;

class AnswersConfirmerTest {

	@TempDir
	Path dir;

	private final Runbook plan = Runbooks.runbook()
		.block("1.1", "one", "echo one")
		.block("1.2", "two", "echo two")
		.block("1.3", "three", "echo three")
		.build();

	private AnswersConfirmer load(String yaml) throws Exception {
		Path file = this.dir.resolve("answers.yaml");
		Files.writeString(file, yaml);
		return AnswersConfirmer.load(file, this.plan);
	}

	@Test
	void blocksListedByIdOrNameGetTheirAnswerAndTheRestTheDefault() throws Exception {
		AnswersConfirmer answers = load("""
				default: skip
				blocks:
				  1.1: run
				  three: {edit: "echo three --dry-run"}
				""");
		SessionFixture fixture = new SessionFixture();

		fixture.start(this.plan, answers).runToEnd();

		assertThat(fixture.target.scripts()).containsExactly("echo one", "echo three --dry-run");
	}

	@Test
	void defaultRunSkipsAnExcludeFromRunAllBlockUnlessItIsListed() throws Exception {
		Runbook excluded = Runbooks.runbook()
			.block("1.1", "one", "echo one")
			.block("1.2", "wipe", "echo wipe", "excludeFromRunAll=true")
			.block("1.3", "purge", "echo purge", "excludeFromRunAll=true")
			.build();
		Path file = this.dir.resolve("answers.yaml");
		Files.writeString(file, "default: run\nblocks:\n  purge: run\n");
		SessionFixture fixture = new SessionFixture();

		fixture.start(excluded, AnswersConfirmer.load(file, excluded)).runToEnd();

		assertThat(fixture.target.scripts()).containsExactly("echo one", "echo purge");
	}

	@Test
	void unknownBlockKeysAreNamed() {
		assertThatThrownBy(() -> load("""
				blocks:
				  1.1: run
				  backup-db: skip
				  9.9: run
				""")).isInstanceOf(SessionRefusedException.class).hasMessageContaining("no block backup-db, 9.9 in plan.md");
	}

	@Test
	void invalidAnswerNamesTheKeyAndTheAllowedValues() {
		assertThatThrownBy(() -> load("default: maybe\n")).isInstanceOf(SessionRefusedException.class)
			.hasMessageEndingWith("default must be one of run, skip, stop, not 'maybe'");
	}

	@Test
	void variablesAndChecksAreRead() throws Exception {
		AnswersConfirmer answers = load("""
				variables:
				  DB_HOST: db1.internal
				checks: all
				""");

		assertThat(answers.variables()).containsEntry("DB_HOST", "db1.internal");
		assertThat(answers.check(null).state()).isEqualTo(CheckResult.State.CHECKED);
	}

	@Test
	void stopAnswerStopsBeforeTheBlock() throws Exception {
		AnswersConfirmer answers = load("blocks:\n  two: stop\n");
		SessionFixture fixture = new SessionFixture();

		RunSession session = fixture.start(this.plan, answers);

		assertThat(session.runToEnd()).isEqualTo(RunSession.Step.STOPPED);
		assertThat(fixture.target.scripts()).containsExactly("echo one");
	}

}
