package dev.runbookshell.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProseRecognitionTest {

	private Runbook parse(String markdown) throws RunbookParseException {
		return new RunbookParser().parse("t.md", markdown);
	}

	@Test
	void checklistItemsOfEveryListKindAreFoundWithLineAndSection() throws Exception {
		Runbook runbook = parse("""
				# T

				## Verify

				- [ ] Site answers
				- [x] Backup **taken**
				* [X] Star list
				1. [ ] Numbered
				- not a check
				- [] not a check either
				""");
		assertThat(runbook.checklists()).containsExactly(new ChecklistItem(5, "Site answers", false, "1"),
				new ChecklistItem(6, "Backup taken", true, "1"), new ChecklistItem(7, "Star list", true, "1"),
				new ChecklistItem(8, "Numbered", false, "1"));
	}

	@Test
	void checkboxTextInsideCodeIsNotAChecklist() throws Exception {
		assertThat(parse("```\n- [ ] inside a fence\n```\n\n    - [ ] indented code\n").checklists()).isEmpty();
	}

	@Test
	void expectAnnotationsAreSubstringsOrSlashedRegexes() throws Exception {
		Runbook runbook = parse("""
				```bash {expect="HTTP/1.1 200"}
				curl -I x
				```
				```bash {expect=/active \\(running\\)/}
				systemctl status x
				```
				""");
		assertThat(runbook.executableBlocks().get(0).expectations()).containsExactly(new Expectation("HTTP/1.1 200", false, 1));
		assertThat(runbook.executableBlocks().get(1).expectations())
			.containsExactly(new Expectation("active \\(running\\)", true, 4));
	}

	@Test
	void shouldShowCommentsAreExpectationsOnTheirLine() throws Exception {
		Runbook runbook = parse("""
				```bash
				docker images | grep app
				# Should show: ghcr.io/acme/app
				docker run --rm app id  # should show uid=1000
				# Expected: `healthy`
				# expect the unexpected (no colon: prose, not an expectation)
				```
				""");
		assertThat(runbook.executableBlocks().get(0).expectations()).containsExactly(
				new Expectation("ghcr.io/acme/app", false, 3), new Expectation("uid=1000", false, 4),
				new Expectation("healthy", false, 5));
	}

}
