package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CookedLineTest {

	private final CookedLine line = new CookedLine();

	private final StringBuilder echo = new StringBuilder();

	private List<String> type(String keys) {
		List<String> sent = new ArrayList<>();
		for (char c : keys.toCharArray()) {
			String done = this.line.accept(c, this.echo);
			if (done != null) {
				sent.add(done);
			}
		}
		return sent;
	}

	@Test
	void enterSendsTheLineWithANewlineAndEchoesIt() {
		assertThat(type("YES\r")).containsExactly("YES\n");
		assertThat(this.echo).hasToString("YES\n");
	}

	@Test
	void backspaceErasesTheLastCharacterOnScreenAndInTheLine() {
		assertThat(type("YEX\u007fS\r")).containsExactly("YES\n");
		assertThat(this.echo).hasToString("YEX\b \bS\n");
	}

	@Test
	void ctrlUErasesTheLineAndCtrlWTheLastWord() {
		assertThat(type("wrong\u0015right answer\u0017word\r")).containsExactly("right word\n");
	}

	@Test
	void arrowKeysAndOtherControlCharactersAreDropped() {
		assertThat(type("a\u001b[Ab\u001bOBc\u0001\r")).containsExactly("abc\n");
	}

	@Test
	void carriageReturnAndLineFeedTogetherSendOneLine() {
		assertThat(type("one\r\ntwo\n")).containsExactly("one\n", "two\n");
	}

	@Test
	void aHalfTypedLineIsPendingUntilEnter() {
		type("hal");
		assertThat(this.line.pending()).isTrue();
		type("f\r");
		assertThat(this.line.pending()).isFalse();
	}

	@Test
	void backspaceRemovesAWholeCharacterOutsideTheBasicPlane() {
		assertThat(type("ok\uD83D\uDE00\u007f\r")).containsExactly("ok\n");
	}

}
