package dev.runbookshell.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunbookParserTest {

	private final RunbookParser parser = new RunbookParser();

	private Runbook parse(String markdown) throws RunbookParseException {
		return this.parser.parse("test.md", markdown);
	}

	private List<Integer> executableLines(Runbook runbook) {
		return runbook.executableBlocks().stream().map(Block::line).toList();
	}

	@Test
	void aBashFenceIsExecutableAndItsLineIsTheOpeningFence() throws Exception {
		Runbook runbook = parse("""
				# Title

				Some prose.

				```bash
				echo hi
				```
				""");
		assertThat(executableLines(runbook)).containsExactly(5);
		assertThat(runbook.executableBlocks().get(0).command()).isEqualTo("echo hi\n");
	}

	@Test
	void onlyShellLanguagesAreExecutableWhateverTheirCase() throws Exception {
		Runbook runbook = parse("""
				```BASH
				a
				```
				```sh
				b
				```
				```Shell {name=x}
				c
				```
				```zsh
				d
				```
				```yaml
				e: 1
				```
				```
				f
				```
				```python
				g
				```
				""");
		assertThat(runbook.executableBlocks()).extracting(Block::language).containsExactly("bash", "sh", "shell", "zsh");
		assertThat(runbook.blocks()).hasSize(7);
		assertThat(runbook.blocks().get(4).id()).isNull();
		assertThat(runbook.blocks().get(4).name()).isNull();
	}

	@Test
	void blankBlocksAndIgnoredBlocksAreNotExecutable() throws Exception {
		Runbook runbook = parse("""
				```bash

				```
				```bash {ignore=true}
				rm -rf /tmp/x
				```
				""");
		assertThat(runbook.executableBlocks()).isEmpty();
		assertThat(runbook.blocks()).hasSize(2);
	}

	@Test
	void fencesInsideListItemsAndBlockQuotesAreFound() throws Exception {
		Runbook runbook = parse("""
				1. First step
				   ```bash
				   echo one
				   ```
				2. Second step:
				   - nested
				     ```sh
				     echo two
				     ```

				> ```bash
				> echo three
				> ```
				""");
		assertThat(executableLines(runbook)).containsExactly(2, 7, 11);
		assertThat(runbook.executableBlocks().get(1).command()).isEqualTo("echo two\n");
		assertThat(runbook.executableBlocks().get(2).command()).isEqualTo("echo three\n");
	}

	@Test
	void tildeFencesWork() throws Exception {
		Runbook runbook = parse("""
				~~~bash
				echo tilde
				~~~
				""");
		assertThat(runbook.executableBlocks()).singleElement().extracting(Block::command).isEqualTo("echo tilde\n");
	}

	@Test
	void aFourBacktickFenceKeepsTheThreeBacktickFenceInsideAsContent() throws Exception {
		Runbook runbook = parse("""
				````bash
				cat <<'EOF'
				```bash
				inner
				```
				EOF
				````

				```sh
				after
				```
				""");
		assertThat(executableLines(runbook)).containsExactly(1, 9);
		assertThat(runbook.executableBlocks().get(0).command()).contains("```bash\ninner\n```");
	}

	@Test
	void consoleBlocksRunOnlyThePromptLinesWithContinuations() throws Exception {
		Runbook runbook = parse("""
				```console
				$ systemctl is-active nginx
				active
				$ curl -s \\
				    http://localhost/
				<html>ok</html>
				```
				""");
		assertThat(runbook.executableBlocks().get(0).command())
			.isEqualTo("systemctl is-active nginx\ncurl -s \\\n    http://localhost/\n");
	}

	@Test
	void aConsoleBlockWithoutAnyPromptRunsAllItsLines() throws Exception {
		Runbook runbook = parse("""
				```console
				curl -LO https://example.test/kind
				sudo install kind /usr/local/bin/
				kind create cluster
				```
				""");
		Block block = runbook.executableBlocks().get(0);
		assertThat(block.promptless()).isTrue();
		assertThat(block.command()).isEqualTo(block.content());
		assertThat(block.fileLine(2)).isEqualTo(4);
	}

	@Test
	void aConsoleBlockWithPromptsRunsOnlyThePromptLinesAndMapsThemToFileLines() throws Exception {
		Runbook runbook = parse("""
				```console
				$ kind version
				kind v0.20.0 go1.20.4 linux/amd64
				$ kind get clusters
				```
				""");
		Block block = runbook.executableBlocks().get(0);
		assertThat(block.promptless()).isFalse();
		assertThat(block.command()).isEqualTo("kind version\nkind get clusters\n");
		assertThat(block.fileLine(1)).isEqualTo(4);
	}

	@Test
	void aBlockThatIsAScriptFileSaysSoAndNamesTheFile() throws Exception {
		Runbook runbook = parse("""
				```bash
				# revert.sh
				#!/bin/bash
				echo reverting
				```

				```bash
				#!/usr/bin/env bash
				echo hi
				```

				```bash
				# not a file name, just a comment
				echo hi
				```
				""");
		assertThat(runbook.executableBlocks()).extracting(b -> b.scriptFile().map(ScriptFile::name).orElse("-"))
			.containsExactly("revert.sh", "-", "-");
		assertThat(runbook.executableBlocks().get(1).scriptFile()).hasValueSatisfying(
				f -> assertThat(f.warning()).isEqualTo("this block is the content of a script (#!/usr/bin/env bash): "
						+ "running it runs that script's commands now"));
		assertThat(runbook.executableBlocks().get(2).scriptFile()).isEmpty();
	}

	@Test
	void crlfLineEndsKeepLinesAndGiveTheSameHashAsLf() throws Exception {
		String lf = "# T\n\n## A\n\ntext\n\n```bash\necho hi\n```\n";
		Runbook crlf = parse(lf.replace("\n", "\r\n"));
		assertThat(executableLines(crlf)).containsExactly(7);
		assertThat(crlf.executableBlocks().get(0).command()).isEqualTo("echo hi\n");
		assertThat(crlf.executableBlocks().get(0).hash()).isEqualTo(parse(lf).executableBlocks().get(0).hash());
	}

	@Test
	void theHashIsSha256OfTheCommandText() throws Exception {
		Block block = parse("```bash\necho hi\n```\n").executableBlocks().get(0);
		assertThat(block.hash())
			.isEqualTo("sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest("echo hi\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
	}

	@Test
	void anUnclosedFenceRunsToTheEndAndIsNoted() throws Exception {
		ParseResult result = this.parser.read("test.md", """
				## Step

				```bash
				echo one
				echo two
				""");
		assertThat(result.runbook().executableBlocks().get(0).command()).isEqualTo("echo one\necho two\n");
		assertThat(result.notes()).singleElement().satisfies(note -> {
			assertThat(note.kind()).isEqualTo(ParseNote.Kind.UNCLOSED_FENCE);
			assertThat(note.line()).isEqualTo(3);
		});
	}

	@Test
	void htmlBlocksAndCommentsDoNotHideLaterBlocks() throws Exception {
		Runbook runbook = parse("""
				<!-- a comment
				```bash
				not a block, inside the comment
				```
				-->

				<div>
				html
				</div>

				```bash
				echo real
				```
				""");
		assertThat(executableLines(runbook)).containsExactly(11);
	}

	@Test
	void tabIndentedCodeIsAContextBlockNeverExecutable() throws Exception {
		Runbook runbook = parse("Para.\n\n\trm -rf /\n\tmore\n\n```bash\nls\n```\n");
		assertThat(runbook.blocks()).hasSize(2);
		Block indented = runbook.blocks().get(0);
		assertThat(indented.fenced()).isFalse();
		assertThat(indented.executable()).isFalse();
		assertThat(indented.line()).isEqualTo(3);
		assertThat(indented.language()).isEmpty();
	}

	@Test
	void aFileWithoutHeadingsPutsBlocksInSectionZeroNamedAfterTheFile() throws Exception {
		Runbook runbook = this.parser.parse("notes.md", "```bash\nls\n```\n```bash\npwd\n```\n");
		assertThat(runbook.title()).isEqualTo("notes.md");
		assertThat(runbook.sections()).singleElement().extracting(Section::number).isEqualTo("0");
		assertThat(runbook.executableBlocks()).extracting(Block::id).containsExactly("0.1", "0.2");
		assertThat(runbook.executableBlocks()).extracting(Block::name).containsExactly("notes-md", "notes-md-2");
	}

	@Test
	void anEmptyFileIsAnEmptyRunbook() throws Exception {
		Runbook runbook = parse("");
		assertThat(runbook.blocks()).isEmpty();
		assertThat(runbook.sections()).isEmpty();
		assertThat(runbook.title()).isEqualTo("test.md");
	}

	@Test
	void invalidUtf8BytesInProseBecomeReplacementCharactersWithoutFailing() throws Exception {
		byte[] latin1 = "# Caf\u00e9 \u00e2\u0080\u0094 plan\n\n## \u00c3\u00a9tape\n\n```bash\necho cafe\n```\n"
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		java.nio.file.Path file = java.nio.file.Files.createTempFile("mojibake", ".md");
		try {
			java.nio.file.Files.write(file, latin1);
			Runbook runbook = this.parser.parse(file);
			assertThat(runbook.title()).startsWith("Caf\uFFFD");
			assertThat(executableLines(runbook)).containsExactly(5);
			assertThat(runbook.executableBlocks().get(0).name()).isEqualTo("etape");
		}
		finally {
			java.nio.file.Files.delete(file);
		}
	}

	@Test
	void invalidUtf8BytesInABlockAreRefusedNamingTheLineForTheBlockWouldRunOtherBytes() throws Exception {
		byte[] latin1 = "# Caf\u00e9\n\n```bash\necho first\necho caf\u00e9 > menu.txt\n```\n"
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		java.nio.file.Path file = java.nio.file.Files.createTempFile("latin1", ".md");
		try {
			java.nio.file.Files.write(file, latin1);
			RunbookParseException refused = org.assertj.core.api.Assertions
				.catchThrowableOfType(RunbookParseException.class, () -> this.parser.parse(file));
			assertThat(refused).isNotNull();
			assertThat(refused.line()).isEqualTo(5);
			assertThat(refused.getMessage()).contains("not UTF-8 (byte 0xE9) in block 0.1", "iconv")
				.doesNotContain("\n");
		}
		finally {
			java.nio.file.Files.delete(file);
		}
	}

	@Test
	void mojibakeIsShownRepairedInTitlesAndNamesWithTheRawTextKeptAndHashesUnchanged() throws Exception {
		String markdown = """
				# Plan: Systemd â†’ Docker

				## ðŸš€ Build Commands

				```bash
				echo "Systemd â†’ Docker"
				```

				### âœ… 1. Add Non-Root User (15 min)

				```bash
				make user
				```

				## ğŸ§ª Testing Commands

				```bash
				make test
				```
				""";
		Runbook runbook = parse(markdown);
		assertThat(runbook.title()).isEqualTo("Plan: Systemd → Docker");
		assertThat(runbook.rawTitle()).isEqualTo("Plan: Systemd â†’ Docker");
		assertThat(runbook.sections()).extracting(Section::title)
			.containsExactly("🚀 Build Commands", "✅ 1. Add Non-Root User (15 min)", "🧪 Testing Commands");
		assertThat(runbook.sections().get(0).rawTitle()).isEqualTo("ðŸš€ Build Commands");
		assertThat(runbook.executableBlocks()).extracting(Block::name)
			.containsExactly("build-commands", "add-non-root-user-15-min", "testing-commands");
		Block first = runbook.executableBlocks().get(0);
		assertThat(first.command()).isEqualTo("echo \"Systemd â†’ Docker\"\n");
		assertThat(first.hash()).isEqualTo(DocumentReader.sha256("echo \"Systemd â†’ Docker\"\n"));
		assertThat(executableLines(runbook)).containsExactly(5, 11, 17);
	}

	@Test
	void correctAccentsAreNotTakenForMojibake() throws Exception {
		assertThat(parse("# Café résumé — naïve\n\n```bash\nls\n```\n").title()).isEqualTo("Café résumé — naïve");
	}

}
