package dev.runbookshell.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.targets.TargetDefinition;

class FrontMatterTest {

	private final RunbookParser parser = new RunbookParser();

	@Test
	void aRunbookWithoutFrontMatterHasTheEmptyOne() throws Exception {
		assertThat(this.parser.parse("t.md", "# T\n").frontMatter()).isEqualTo(FrontMatter.EMPTY);
	}

	@Test
	void everyKeyIsRead() throws Exception {
		Runbook runbook = this.parser.parse("t.md", """
				---
				title: Cut over
				default-target: prod
				targets:
				  prod:
				    uri: ssh://deploy@db1:22
				    identity: ~/.ssh/id_ed25519
				  box: docker://web
				variables:
				  DB_NAME: billing
				  PASSWORD:
				    prompt: Database password
				    secret: true
				    pattern: "^.{8,}$"
				env:
				  PGHOST: localhost
				shell: sh
				timeout: 5m
				---
				# Ignored title heading
				""");
		FrontMatter fm = runbook.frontMatter();
		assertThat(runbook.title()).isEqualTo("Cut over");
		assertThat(fm.defaultTarget()).isEqualTo("prod");
		assertThat(fm.targets().get("prod")).isEqualTo(new TargetDefinition("prod", "ssh://deploy@db1:22",
				java.util.Map.of("identity", "~/.ssh/id_ed25519")));
		assertThat(fm.targets().get("box").uri()).isEqualTo("docker://web");
		assertThat(fm.variables().get("DB_NAME")).isEqualTo(new VariableSpec("DB_NAME", "billing", null, false, null));
		assertThat(fm.variables().get("PASSWORD")).isEqualTo(
				new VariableSpec("PASSWORD", null, "Database password", true, "^.{8,}$"));
		assertThat(fm.env()).containsEntry("PGHOST", "localhost");
		assertThat(fm.shell()).isEqualTo("sh");
		assertThat(fm.timeout()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void linesAfterTheFrontMatterAreFileLines() throws Exception {
		Runbook runbook = this.parser.parse("t.md", "---\ntitle: x\n---\n\n## Step\n\n```bash\nls\n```\n");
		assertThat(runbook.sections().get(0).line()).isEqualTo(5);
		assertThat(runbook.executableBlocks().get(0).line()).isEqualTo(7);
	}

	@Test
	void invalidYamlNamesTheFileLineOfTheError() {
		assertThatThrownBy(() -> this.parser.parse("plan.md", """
				---
				title: ok
				targets:
				  prod: [ssh://a
				---
				""")).isInstanceOfSatisfying(RunbookParseException.class, ex -> {
			assertThat(ex.line()).isEqualTo(4);
			assertThat(ex.getMessage()).startsWith("plan.md:4: invalid YAML front matter:").doesNotContain("\n");
		});
	}

	@Test
	void badIndentationIsReportedOnItsLine() {
		assertThatThrownBy(() -> this.parser.parse("plan.md", "---\ntitle: a\n  shell: b\n---\n"))
			.isInstanceOfSatisfying(RunbookParseException.class, ex -> assertThat(ex.line()).isEqualTo(3));
	}

	@Test
	void frontMatterThatIsNotAMappingIsRejected() {
		assertThatThrownBy(() -> this.parser.parse("plan.md", "---\n- a\n- b\n---\n"))
			.isInstanceOf(RunbookParseException.class)
			.hasMessageContaining("must be a mapping");
	}

	@Test
	void aBadTimeoutIsRejectedOnItsLine() {
		assertThatThrownBy(() -> this.parser.parse("plan.md", "---\ntitle: a\ntimeout: soon\n---\n"))
			.isInstanceOfSatisfying(RunbookParseException.class, ex -> {
				assertThat(ex.line()).isEqualTo(3);
				assertThat(ex.getMessage()).contains("timeout").contains("soon");
			});
	}

	@Test
	void aLeadingRuleWithoutAClosingOneIsNotFrontMatter() throws Exception {
		Runbook runbook = this.parser.parse("t.md", "---\n\n# Title\n\n```bash\nls\n```\n");
		assertThat(runbook.title()).isEqualTo("Title");
		assertThat(runbook.executableBlocks().get(0).line()).isEqualTo(5);
	}

	@Test
	void missingFilesDirectoriesAndBinaryFilesAreParseErrors(@TempDir Path dir) throws Exception {
		assertThatThrownBy(() -> this.parser.parse(dir.resolve("nope.md"))).isInstanceOf(RunbookParseException.class)
			.hasMessageEndingWith("nope.md: no such file");
		assertThatThrownBy(() -> this.parser.parse(dir)).isInstanceOf(RunbookParseException.class)
			.hasMessageContaining("is a directory");
		Path binary = Files.write(dir.resolve("image.md"), new byte[] { 'a', '\n', 'b', 0, 1, 2 });
		assertThatThrownBy(() -> this.parser.parse(binary)).isInstanceOfSatisfying(RunbookParseException.class, ex -> {
			assertThat(ex.line()).isEqualTo(2);
			assertThat(ex.getMessage()).contains("binary file");
		});
	}

	@Test
	void theRunbookHashIsTheSha256OfTheFileBytes(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("r.md"), "# T\r\n");
		String expected = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		assertThat(this.parser.parse(file).sha256()).isEqualTo(expected);
	}

}
