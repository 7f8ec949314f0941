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
		assertThat(findings).filteredOn(f -> f.rule().equals("never-ends")).extracting(LintFinding::line)
			.containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
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
				""" + ROLLBACK)).isEmpty();
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
			.satisfies(f -> assertThat(f.fix()).isEqualTo("did you mean 'timeout'?"));
		assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR).extracting(LintFinding::line)
			.hasSize(5)
			.containsOnly(6);
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

}
