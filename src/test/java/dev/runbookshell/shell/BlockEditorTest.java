package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** Editing in $VISUAL/$EDITOR: the file holds the text, and what the editor adds on its own is taken back. */
class BlockEditorTest {

	private static final String BLOCK = "printf 'a\\tb|\\n'\n\t# it's here   \nsed -i 's/\\.bak$//' f\n";

	@Test
	void visualComesBeforeEditorAndABlankOneIsNone() {
		assertThat(BlockEditor.chosenEditor(Map.of("VISUAL", "vim", "EDITOR", "nano"))).isEqualTo("vim");
		assertThat(BlockEditor.chosenEditor(Map.of("VISUAL", " ", "EDITOR", "nano"))).isEqualTo("nano");
		assertThat(BlockEditor.chosenEditor(Map.of())).isNull();
	}

	@Test
	void anEditorThatChangesNothingGivesBackEveryByte() throws IOException {
		assertThat(edit("true", BLOCK)).isEqualTo(BLOCK);
	}

	@Test
	void onlyTheLineTheEditorChangedDiffers() throws IOException {
		assertThat(edit("sed -i 's/^sed -i/sed -i.orig/'", BLOCK))
			.isEqualTo("printf 'a\\tb|\\n'\n\t# it's here   \nsed -i.orig 's/\\.bak$//' f\n");
	}

	@Test
	void anEditorThatFailsOrLeavesNothingAbandonsTheEdit() throws IOException {
		assertThat(edit("false", BLOCK)).isNull();
		assertThat(edit("truncate -s 0", BLOCK)).isNull();
	}

	@Test
	void crlfSavedByTheEditorAndAnAppendedFinalNewlineAreTakenBack() {
		assertThat(BlockEditor.undoEditorChanges("a\nb\n", "a\r\nb\r\n")).isEqualTo("a\nb\n");
		assertThat(BlockEditor.undoEditorChanges("a\nb", "a\nb\n")).isEqualTo("a\nb");
		assertThat(BlockEditor.undoEditorChanges("a\nb\n", "a\r\nb\n")).isEqualTo("a\r\nb\n");
	}

	private static String edit(String editor, String text) throws IOException {
		try (Terminal terminal = TerminalBuilder.builder()
			.system(false)
			.streams(InputStream.nullInputStream(), new ByteArrayOutputStream())
			.build()) {
			return new BlockEditor(new TerminalQuestions(terminal), Map.of("EDITOR", editor)).edit(text);
		}
	}

}
