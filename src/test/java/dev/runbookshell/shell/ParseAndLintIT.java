package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the parser and lint changes look like through the built jar: {@code list --json} names and titles,
 * {@code lint} findings and exit codes, {@code run} refusing a mistyped annotation key, and the one list of
 * destructive commands in {@code run --dry-run}.
 */
class ParseAndLintIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	@TempDir
	Path dir;

	private Path write(String name, String text) throws Exception {
		Path file = this.dir.resolve(name);
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	@Test
	void listJsonNamesBlocksByTheirListItemAndRepairsMojibakeInTitles() throws Exception {
		write("plan.md", """
				# Move: Systemd â†’ Docker

				## Phase 1: Preparation

				1. **Create Backup Strategy**:
				   - Back up the database:
				     ```bash
				     pg_dump -Fc app > app.dump
				     ```
				   - Validate backup integrity:
				     ```bash
				     pg_restore --list app.dump > contents.txt
				     ```

				## Install

				```console
				curl -LO https://example.test/tool
				sudo install tool /usr/local/bin/
				```
				""");

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "list", "plan.md", "--json");

		assertThat(result.exitCode()).as(result.all()).isZero();
		JsonNode root = new ObjectMapper().readTree(result.stdout());
		assertThat(root.get("title").asText()).isEqualTo("Move: Systemd → Docker");
		List<String> names = new ArrayList<>();
		root.get("blocks").forEach(b -> names.add(b.get("name").asText()));
		assertThat(names).containsExactly("back-up-the-database", "validate-backup-integrity", "install");
		assertThat(root.get("blocks").get(2).get("executable").asBoolean()).as("a console block without prompt runs")
			.isTrue();
	}

	@Test
	void lintReportsWhatTheWalkHitAndExitsZeroOnWarnings() throws Exception {
		write("plan.md", """
				# Plan

				## Test

				```bash
				docker-compose -f docker-compose.test.yml up
				docker compose -p prod exec django python manage.py createsuperuser
				cat prod_<timestamp>.dump | pg_restore -d app
				docker logs CONTAINER_ID
				```

				## Create rollback script

				```bash
				# rollback.sh
				#!/bin/bash
				echo "Reverting..."
				```

				## Cut over

				```bash
				sudo sed -i 's/proxy_pass http:\\/\\/127.0.0.1:8000;/proxy_pass http:\\/\\/127.0.0.1:8001;/' /etc/nginx/sites-available/app
				```

				## Rollback

				```bash
				echo undo
				```
				""");

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "lint", "plan.md");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).contains("plan.md:6: warning: block 1.1 test: 'compose up' without -d")
			.contains("plan.md:7: warning: block 1.1 test: 'createsuperuser' asks for a user name and password")
			.contains("plan.md:8: warning: block 1.1 test: <timestamp> stands inside the word 'prod_<timestamp>.dump'")
			.contains("plan.md:9: warning: block 1.1 test: 'CONTAINER_ID' looks like a value to fill in")
			.contains("plan.md:14: warning: block 2.1 create-rollback-script: this block is the content of rollback.sh")
			.contains("plan.md:23: warning: block 3.1 cut-over: in-place edit of /etc/nginx/sites-available/app (sed -i)"
					+ " with no backup in an earlier block");
	}

	@Test
	void runRefusesANearMissOfAKeyWeHonourUnlessForced() throws Exception {
		write("plan.md", "# Plan\n\n## Wait\n\n```bash {timout=1s}\necho waited > waited.txt\n```\n");

		RunbookCli.Result refused = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--log-dir", "logs");

		assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
		assertThat(refused.all()).contains("plan.md:5: block 1.1 wait: annotation 'timout' is not one we know: "
				+ "did you mean 'timeout'?").doesNotContain("\tat ");
		assertThat(this.dir.resolve("waited.txt")).doesNotExist();
		assertThat(this.dir.resolve("logs")).as("a refused run writes no journal").doesNotExist();

		RunbookCli.Result forced = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--force", "--log-dir",
				"logs");

		assertThat(forced.exitCode()).as(forced.all()).isZero();
		assertThat(this.dir.resolve("waited.txt")).exists();
	}

	@Test
	void runNotesRunmeKeysItDoesNotImplementAndWarnsAboutOthers() throws Exception {
		write("plan.md", """
				# Plan

				## Hello

				```sh {"id":"01HY0Y62WJCT2BVD5VA2HZ32TG","interpreter":"bash","owner":"ops"}
				echo hello
				```
				""");

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--yes", "--log-dir", "logs");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).contains("note: Runme annotations accepted but not implemented here: id (line 5), "
				+ "interpreter (line 5)")
			.contains("warning: plan.md:5: block 1.1 hello: annotation 'owner' is not one we know; it is ignored");
	}

	@Test
	void dryRunMarksTheCutOverSedAndDdFromTheOneList() throws Exception {
		write("plan.md", """
				# Plan

				## Cut over

				```bash
				sudo sed -i 's/proxy_pass http:\\/\\/127.0.0.1:8000;/proxy_pass http:\\/\\/127.0.0.1:8001;/' /etc/nginx/sites-available/app
				```

				## Image

				```bash
				sudo dd if=disk.img of=/dev/sdb bs=4M
				```
				""");

		RunbookCli.Result result = RunbookCli.run(this.dir, TIMEOUT, "run", "plan.md", "--dry-run", "--yes");

		assertThat(result.exitCode()).as(result.all()).isZero();
		assertThat(result.stdout()).contains("risky: in-place edit of /etc/nginx/sites-available/app (sed -i)")
			.contains("risky: dd onto /dev/sdb");
	}

}
