package dev.runbookshell.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugTest {

	@Test
	void aRunbooksSlugIsItsFileNameWithoutTheMarkdownExtension() {
		assertThat(Slug.ofRunbook("plans/DB Move.md")).isEqualTo("db-move");
		assertThat(Slug.ofRunbook("/srv/runbooks/cut-over.markdown")).isEqualTo("cut-over");
		assertThat(Slug.ofRunbook("notes.md.txt")).isEqualTo("notes-md-txt");
		assertThat(Slug.ofRunbook("README.MD")).isEqualTo("readme-md");
	}

	@Test
	void aSlugOfASlugIsTheSameSlugSoAWriterSlugsItsRunbookPartSafelyAgain() {
		String once = Slug.ofRunbook("Zürich Übergabe (v2).md");
		assertThat(once).isEqualTo("zurich-ubergabe-v2");
		assertThat(Slug.of(once)).isEqualTo(once);
	}

}
