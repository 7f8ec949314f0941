package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class InputGateTest {

	private static final String SENTINEL = "__RBR_0123abcd";

	/** What the shell prints: a record separator, the sentinel, a newline. */
	private static final String MARKER = "\u001e" + SENTINEL + "\n";

	private final InputGate gate = new InputGate();

	private final ByteArrayOutputStream stdin = new ByteArrayOutputStream();

	private final CollectingSink sink = new CollectingSink();

	private final OutputSink watched = this.gate.arm(this.stdin, this.sink, SENTINEL);

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private void stderr(String text) {
		byte[] bytes = bytes(text);
		this.watched.stderr(bytes, 0, bytes.length);
	}

	@Test
	void nothingIsSentBeforeTheShellSaysItHasReadTheBlock() {
		assertThat(this.gate.send(bytes("early\n"))).isFalse();
		stderr(MARKER);
		assertThat(this.gate.send(bytes("YES\n"))).isTrue();
		assertThat(this.stdin.toString(StandardCharsets.UTF_8)).isEqualTo("YES\n");
	}

	@Test
	void theMarkerSplitAcrossChunksOpensTheGateAndNeverReachesTheOutput() {
		stderr("echoed by set -v\n\u001e__RB");
		stderr("R_0123");
		assertThat(this.gate.send(bytes("x\n"))).isFalse();
		stderr("abcd\nwarning: after\n");
		assertThat(this.gate.send(bytes("x\n"))).isTrue();
		assertThat(this.sink.err()).isEqualTo("echoed by set -v\nwarning: after\n");
	}

	@Test
	void textThatOnlyStartsLikeTheMarkerIsOutputUnchanged() {
		stderr("\u001e__RBS_other\n\u001e__RBR_0123abc!");
		this.gate.close();
		assertThat(this.sink.err()).isEqualTo("\u001e__RBS_other\n\u001e__RBR_0123abc!");
	}

	@Test
	void afterTheBlockEndedNothingIsSentAndTheSessionIsToldToEndTheInput() {
		stderr(MARKER);
		assertThat(this.gate.close()).as("armed, so the end marker is due").isTrue();
		assertThat(this.gate.send(bytes("late\n"))).isFalse();
		assertThat(this.gate.close()).as("closed already").isFalse();
		assertThat(this.stdin.size()).isZero();
	}

}
