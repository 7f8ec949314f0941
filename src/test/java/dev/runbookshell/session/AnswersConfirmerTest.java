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
	void everyBadValueNamesTheFileAndTheLineOfItsKey() {
		String answers = this.dir.resolve("answers.yaml").toString();
		assertThatThrownBy(() -> load("blocks:\n  1.1: run\n\ndefault: maybe\n"))
			.hasMessage(answers + ":4: default must be one of run, skip, stop, not 'maybe'");
		assertThatThrownBy(() -> load("default: run\nblocks:\n  1.1: run\n  two: later\n"))
			.hasMessage(answers + ":4: blocks.two must be one of run, skip, stop, not 'later'");
		assertThatThrownBy(() -> load("blocks:\n  1.1: run\n  backup-db: skip\n"))
			.hasMessageStartingWith(answers + ":3: no block backup-db in plan.md");
		assertThatThrownBy(() -> load("default: run\ndefualt: skip\n"))
			.hasMessageStartingWith(answers + ":2: unknown key(s) defualt");
		assertThatThrownBy(() -> load("\non-failure: retry\n"))
			.hasMessageStartingWith(answers + ":2: on-failure must be one of");
		assertThatThrownBy(() -> load("checks: some\n")).hasMessageStartingWith(answers + ":1: checks must be");
		assertThatThrownBy(() -> load("default: run\non-unknown: sometimes\n"))
			.hasMessageStartingWith(answers + ":2: on-unknown must be one of rerun, skip, stop");
		assertThatThrownBy(() -> load("blocks:\n  1.1: {edit: \"\"}\n"))
			.hasMessage(answers + ":2: blocks.1.1.edit is empty");
	}

	@Test
	void blocksOrVariablesOfTheWrongShapeAreRefusedNotReadAsNothing() {
		String answers = this.dir.resolve("answers.yaml").toString();
		assertThatThrownBy(() -> load("default: skip\nblocks: [one, two]\n"))
			.isInstanceOf(SessionRefusedException.class)
			.hasMessageStartingWith(answers + ":2: blocks is a mapping");
		assertThatThrownBy(() -> load("variables: DB_HOST=db1\n"))
			.hasMessageStartingWith(answers + ":1: variables is a mapping");
		assertThatThrownBy(() -> load("variables:\n  DB_HOST: db1\n  PORTS: [5432, 5433]\n"))
			.hasMessage(answers + ":3: variables.PORTS is a value, not [5432,5433]");
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
