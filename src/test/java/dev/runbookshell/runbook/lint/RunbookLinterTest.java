package dev.runbookshell.runbook.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.runbookshell.runbook.RunbookParser;
import dev.runbookshell.runbook.lint.LintFinding.Severity;

class RunbookLinterTest {

	/** Enough structure that only the rule under test fires. */
	private static final String ROLLBACK = "\n## Rollback\n\n```bash\necho undo\n```\n";

	private List<LintFinding> lint(String markdown) throws Exception {
		return new RunbookLinter().lint(new RunbookParser().read("plan.md", markdown));
	}

	private static List<Integer> lines(List<LintFinding> findings, String rule) {
		return findings.stream().filter(f -> f.rule().equals(rule)).map(LintFinding::line).toList();
	}

	private List<String> rules(String markdown) throws Exception {
		return lint(markdown).stream().map(LintFinding::rule).toList();
	}

	@Test
	void aCleanRunbookHasNoFindings() throws Exception {
		assertThat(lint("# T\n\n## Step\n\n```bash\nls -la\n```\n" + ROLLBACK)).isEmpty();
	}

	@Test
	void followersEditorsPagersAndInteractiveSshNeverEnd() throws Exception {
		List<LintFinding> findings = lint("""
				# T
				## Step
				```bash
				docker compose logs -f web
				tail -F /var/log/syslog
				journalctl -u app -f
				watch -n 5 df -h
				crontab -e
				sudo vim /etc/hosts
				git log | less
				top
				ssh -i key.pem ubuntu@10.0.0.1
				docker exec -it db psql
				```
				""" + ROLLBACK);
		assertThat(lines(findings, "never-ends")).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
	}

	@Test
	void commandsThatEndAreNotFlagged() throws Exception {
		assertThat(rules("""
				# T
				## Step
				```bash
				docker compose logs --tail 100 web
				tail -n 50 /var/log/syslog
				journalctl -u app -n 50 --no-pager
				ssh db1 'systemctl is-active postgresql'
				top -b -n 1 | head
				# tail -f in a comment is fine
				```
				""" + ROLLBACK)).isEmpty();
	}

	@Test
	void exitAtBlockLevelEndsTheShell() throws Exception {
		assertThat(lint("# T\n## S\n```bash\ntest -f x || exit 1\n```\n" + ROLLBACK)).singleElement()
			.satisfies(f -> assertThat(f.rule()).isEqualTo("exit"));
	}

	@Test
	void destructiveCommandsWithoutAnEarlierBackupAreFlagged() throws Exception {
		List<LintFinding> findings = lint("""
				# T
				## Clean
				```bash
				rm -rf /srv/app
				psql -c 'DROP TABLE users'
				docker-compose down -v
				git push --force origin main
				```
				""" + ROLLBACK);
		assertThat(findings).extracting(LintFinding::rule).containsOnly("destructive-without-backup");
		assertThat(findings).extracting(LintFinding::line).containsExactly(4, 5, 6, 7);
		assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
	}

	@Test
	void aBackupInAnEarlierBlockSilencesTheDestructiveRule() throws Exception {
		assertThat(rules("""
				# T
				## Backup
				```bash
				pg_dump -Fc app > app.dump
				```
				## Clean
				```bash
				psql -c 'DROP DATABASE app'
				```
				""" + ROLLBACK)).containsExactly("typed-confirmation");
	}

	@Test
	void aRunbookWithoutARollbackSectionIsWarnedOnLineOne() throws Exception {
		assertThat(lint("# T\n## Step\n```bash\nls\n```\n")).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("no-rollback");
			assertThat(f.line()).isEqualTo(1);
			assertThat(f.format()).startsWith("plan.md:1: warning: no rollback section");
		});
	}

	@Test
	void placeholdersAreInfoNamingTheBlock() throws Exception {
		assertThat(lint("# T\n## Dump\n```bash\npg_dump -h <db-host> app\n```\n" + ROLLBACK)).singleElement()
			.satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.INFO);
				assertThat(f.line()).isEqualTo(4);
				assertThat(f.message()).isEqualTo("<db-host> is asked for before block 1.1 dump runs");
			});
	}

	@Test
	void unknownKeysGetASuggestionAndInvalidValuesAreErrors() throws Exception {
		List<LintFinding> findings = lint("""
				# T
				## Step
				```bash {name=a timeuot=5m}
				ls
				```
				```bash {name=b timeout=soon confirm=maybe exit=zero retries=-1 rollback=nowhere}
				ls
				```
				""" + ROLLBACK);
		assertThat(findings).filteredOn(f -> f.rule().equals("unknown-annotation")).singleElement()
			.satisfies(f -> {
				assertThat(f.fix()).isEqualTo("did you mean 'timeout'?");
				assertThat(f.severity()).as("run refuses a near miss").isEqualTo(Severity.ERROR);
			});
		assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR).extracting(LintFinding::line)
			.containsExactly(3, 6, 6, 6, 6, 6);
	}

	@Test
	void errexitIsAKnownKey() throws Exception {
		assertThat(rules("# T\n## S\n```bash {name=x errexit=false}\nfalse\necho on\n```\n" + ROLLBACK))
			.doesNotContain("unknown-annotation");
	}

	@Test
	void duplicateNamesUnclosedFencesAndBadAnnotationTextAreWarnings() throws Exception {
		assertThat(rules("# T\n## S\n```bash {name=x}\na\n```\n```bash {name=x what}\nb\n```\n" + ROLLBACK
				+ "```bash\nnever closed\n")).contains("duplicate-name", "bad-annotation", "unclosed-fence");
	}

	@Test
	void composeUpWithoutDetachNeverEnds() throws Exception {
		List<LintFinding> findings = lint("""
				# T
				## Start
				```bash
				docker-compose -f deployment/docker-compose.test.yml up
				docker compose -p app up --build
				docker compose up -d
				docker compose up --abort-on-container-exit tests
				```
				""" + ROLLBACK);
		assertThat(lines(findings, "never-ends")).containsExactly(4, 5);
		assertThat(findings.get(0).fix()).startsWith("add -d");
	}

	@Test
	void commandsThatWaitForATerminalAreWarnedUnlessTheBlockIsInteractive() throws Exception {
		List<LintFinding> findings = lint("""
				# T
				## Step
				```bash
				docker compose -p prod exec django python manage.py createsuperuser
				psql -h db1 -U app
				mysql -u root app
				sudo apt install nginx
				psql -c 'select 1'
				psql app < schema.sql
				cat dump.sql | mysql app
				sudo apt-get install -y nginx
				python manage.py createsuperuser --noinput
				```
				```bash {interactive=true}
				psql -h db1
				```
				""" + ROLLBACK);
		assertThat(lines(findings, "waits-for-input")).containsExactly(4, 5, 6, 7);
	}

	@Test
	void aPlaceholderInsideAWordIsAskedForAndWarnedAbout() throws Exception {
		List<LintFinding> findings = lint("""
				# T
				## Restore
				```bash
				cat prod_<timestamp>.dump | pg_restore -d app
				```
				""" + ROLLBACK);
		assertThat(findings).extracting(LintFinding::rule).containsExactly("placeholder-in-word", "placeholder");
		assertThat(findings.get(0).message()).contains("'prod_<timestamp>.dump'").contains("redirection");
		assertThat(findings.get(0).fix()).isEqualTo("write prod_${TIMESTAMP}.dump and declare TIMESTAMP under variables:");
	}

	@Test
	void aPlaceholderUsedInSeveralBlocksIsReportedOnceWithTheBlocksThatReuseIt() throws Exception {
		List<LintFinding> findings = lint("""
				# T
				## Dump
				```bash
				pg_dump -U <user> app > app.dump
				```
				## Sync
				```bash
				pg_dump -U <user> app > sync.dump
				```
				## Check
				```bash
				psql -U <user> -c 'select 1' app
				```
				""" + ROLLBACK);
		assertThat(findings).filteredOn(f -> f.rule().equals("placeholder")).singleElement()
			.satisfies(f -> assertThat(f.message()).isEqualTo(
					"<user> is asked for before block 1.1 dump runs, and its answer is used again in blocks 2.1, 3.1 "
							+ "(asked once)"));
	}

	@Test
	void bareValueNamesThatNothingAsksForAreWarnedOnceWithTheirOtherBlocks() throws Exception {
		List<LintFinding> findings = lint("""
				# T
				## Logs
				```bash
				docker logs CONTAINER_ID
				docker run --rm IMAGE id
				```
				## Health
				```bash
				docker inspect CONTAINER_ID --format='{{.State.Health}}'
				docker run caprover/cli deploy --imageName "ghcr.io/user/web:PREVIOUS_SHA"
				docker run -e DATABASE_URL --rm web true
				export APP_ENV=prod
				psql -c 'SELECT CURRENT_TIMESTAMP FROM users'
				git add LICENSE
				```
				""" + ROLLBACK);
		assertThat(findings).filteredOn(f -> f.rule().equals("literal-placeholder"))
			.extracting(LintFinding::line, LintFinding::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4, "block 1.1 logs: 'CONTAINER_ID' looks like a value to "
					+ "fill in, but nothing asks for it: it runs as the literal text (also in block 2.1)"),
					org.assertj.core.groups.Tuple.tuple(5, "block 1.1 logs: 'IMAGE' looks like a value to fill in, but "
							+ "nothing asks for it: it runs as the literal text"),
					org.assertj.core.groups.Tuple.tuple(10, "block 2.1 health: 'PREVIOUS_SHA' looks like a value to fill "
							+ "in, but nothing asks for it: it runs as the literal text"));
	}

	@Test
	void aConsoleBlockWithoutPromptAndAScriptFileBlockArePointedOut() throws Exception {
		List<LintFinding> findings = lint("""
				# T
				## Install
				```console
				curl -LO https://example.test/tool
				sudo install tool /usr/local/bin/
				```
				## Rollback script
				```bash
				# rollback.sh
				#!/bin/bash
				echo "Reverting to original system..."
				```
				""" + ROLLBACK);
		assertThat(findings).extracting(LintFinding::line, LintFinding::rule).containsExactly(
				org.assertj.core.groups.Tuple.tuple(3, "console-without-prompt"),
				org.assertj.core.groups.Tuple.tuple(8, "script-file"));
		assertThat(findings.get(0).message()).contains("all 2 of its lines run as commands");
		assertThat(findings.get(0).fix()).contains("```bash").contains("'$ '");
		assertThat(findings.get(1).message()).contains("rollback.sh").contains("runs that script's commands now");
	}

	@Test
	void theDestructiveListIsTheEnginesWithABackupAskedForBeforeEditsUnderEtc() throws Exception {
		List<LintFinding> findings = lint("""
				# T
				## Cut over
				```bash
				sudo systemctl stop app
				sudo sed -i 's/proxy_pass http:\\/\\/127.0.0.1:8000;/proxy_pass http:\\/\\/127.0.0.1:8001;/' /etc/nginx/sites-available/app
				sudo dd if=disk.img of=/dev/sdb
				```
				""" + ROLLBACK);
		assertThat(findings).extracting(LintFinding::line, LintFinding::rule).containsExactly(
				org.assertj.core.groups.Tuple.tuple(4, "typed-confirmation"),
				org.assertj.core.groups.Tuple.tuple(5, "destructive-without-backup"),
				org.assertj.core.groups.Tuple.tuple(6, "destructive-without-backup"));
		assertThat(findings.get(1).message()).contains("in-place edit of /etc/nginx/sites-available/app (sed -i)");
	}

}
