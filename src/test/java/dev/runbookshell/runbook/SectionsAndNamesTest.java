package dev.runbookshell.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectionsAndNamesTest {

	private Runbook parse(String markdown) throws RunbookParseException {
		return new RunbookParser().parse("test.md", markdown);
	}

	@Test
	void theOnlyLevelOneHeadingFirstIsTheTitleAndItsChildrenAreNumberedFromOne() throws Exception {
		Runbook runbook = parse("""
				# Move the app

				## Prepare

				### Check disk

				## Migrate
				""");
		assertThat(runbook.title()).isEqualTo("Move the app");
		assertThat(runbook.sections()).extracting(Section::number, Section::title)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("1", "Prepare"),
					org.assertj.core.groups.Tuple.tuple("1.1", "Check disk"), org.assertj.core.groups.Tuple.tuple("2", "Migrate"));
		assertThat(runbook.section("1.1").orElseThrow().parent()).isEqualTo("1");
	}

	@Test
	void twoLevelOneHeadingsAreBothNumberedSections() throws Exception {
		Runbook runbook = parse("""
				# Part one
				## Step
				# Part two
				""");
		assertThat(runbook.title()).isEqualTo("test.md");
		assertThat(runbook.sections()).extracting(Section::number).containsExactly("1", "1.1", "2");
	}

	@Test
	void setextHeadingsAndLevelJumpsNestAsChildren() throws Exception {
		Runbook runbook = parse("""
				Title
				=====

				Prepare
				-------

				#### Deep step

				### Sibling
				""");
		assertThat(runbook.title()).isEqualTo("Title");
		assertThat(runbook.sections()).extracting(Section::number, Section::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("1", 4), org.assertj.core.groups.Tuple.tuple("1.1", 7),
					org.assertj.core.groups.Tuple.tuple("1.2", 9));
	}

	@Test
	void blocksBeforeTheFirstNumberedHeadingSitInSectionZeroTitledAfterTheRunbook() throws Exception {
		Runbook runbook = parse("""
				# Deploy

				```bash
				whoami
				```

				## Step
				""");
		assertThat(runbook.sections().get(0)).extracting(Section::number, Section::title).containsExactly("0", "Deploy");
		assertThat(runbook.executableBlocks().get(0)).extracting(Block::id, Block::name, Block::section)
			.containsExactly("0.1", "deploy", "0");
	}

	@Test
	void noSectionZeroWhenNothingSitsBeforeTheFirstHeading() throws Exception {
		assertThat(parse("# T\n\n## A\n\n```bash\nls\n```\n").sections()).extracting(Section::number)
			.containsExactly("1");
	}

	@Test
	void blockIdsAreTheSectionNumberPlusTheOrdinalInsideThatSection() throws Exception {
		Runbook runbook = parse("""
				# T
				## One
				## Two
				### Sub
				```bash
				a
				```
				```yaml
				not: counted
				```
				```bash
				b
				```
				""");
		assertThat(runbook.executableBlocks()).extracting(Block::id).containsExactly("2.1.1", "2.1.2");
		assertThat(runbook.find("2.1.2").orElseThrow().command()).isEqualTo("b\n");
	}

	@Test
	void namesComeFromTheAnnotationElseASlugOfTheHeadingMadeUnique() throws Exception {
		Runbook runbook = parse("""
				# T
				## 1.2 Back up the Database!
				```bash
				a
				```
				```bash {name=dump}
				b
				```
				```bash
				c
				```
				""");
		assertThat(runbook.executableBlocks()).extracting(Block::name)
			.containsExactly("back-up-the-database", "dump", "back-up-the-database-2");
		assertThat(runbook.find("dump").orElseThrow().id()).isEqualTo("1.2");
	}

	@Test
	void aDuplicateNameKeepsTheFirstAndSuffixesTheLaterOneWithANote() throws Exception {
		ParseResult result = new RunbookParser().read("test.md", """
				## Backup
				```bash
				a
				```
				```bash {name=backup}
				b
				```
				```bash {name=backup}
				c
				```
				""");
		assertThat(result.runbook().executableBlocks()).extracting(Block::name)
			.containsExactly("backup-2", "backup", "backup-3");
		assertThat(result.notes()).singleElement().satisfies(note -> {
			assertThat(note.kind()).isEqualTo(ParseNote.Kind.DUPLICATE_NAME);
			assertThat(note.line()).isEqualTo(8);
		});
	}

	@Test
	void rollbackHeadingsAndTheirSubsectionsMarkTheirBlocks() throws Exception {
		Runbook runbook = parse("""
				# T
				## Migrate
				```bash
				go
				```
				## Emergency Roll-back
				### Restore
				```bash
				undo
				```
				## Back out the DNS change
				## Reverting
				## Rolling forward
				""");
		assertThat(runbook.sections()).extracting(Section::title, Section::rollback).containsExactly(
				org.assertj.core.groups.Tuple.tuple("Migrate", false),
				org.assertj.core.groups.Tuple.tuple("Emergency Roll-back", true),
				org.assertj.core.groups.Tuple.tuple("Restore", true),
				org.assertj.core.groups.Tuple.tuple("Back out the DNS change", true),
				org.assertj.core.groups.Tuple.tuple("Reverting", true),
				org.assertj.core.groups.Tuple.tuple("Rolling forward", false));
		assertThat(runbook.executableBlocks()).extracting(Block::rollback).containsExactly(false, true);
		assertThat(runbook.flowBlocks()).extracting(Block::command).containsExactly("go\n");
	}

}
