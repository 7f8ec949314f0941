package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDiffTest {

	@Test
	void anUnchangedTextHasNoDiff() {
		assertThat(EditDiff.lines("a\nb\n", "a\nb\n")).isEmpty();
	}

	@Test
	void aChangedLineShowsAsRemovedAndAddedWithItsNeighbours() {
		assertThat(EditDiff.lines("one\nsed -i 's/a/b/' f\nthree\n", "one\nsed -i 's/a/c/' f\nthree\n"))
			.containsExactly("--- runbook", "+++ edit", "@@ -1,3 +1,3 @@", " one", "-sed -i 's/a/b/' f",
					"+sed -i 's/a/c/' f", " three");
	}

	@Test
	void trailingSpacesAndAMissingFinalNewlineAreChanges() {
		assertThat(EditDiff.lines("echo hi\n", "echo hi \n")).contains("-echo hi", "+echo hi ");
		assertThat(EditDiff.lines("echo hi\n", "echo hi")).contains("+\\ No newline at end of file");
	}

	@Test
	void aCarriageReturnIsShownNotSentToTheTerminal() {
		String shown = EditDiff.render(EditDiff.lines("a\n", "a\r\n"), null);
		assertThat(shown).contains("+a^M").doesNotContain("\r");
	}

}
