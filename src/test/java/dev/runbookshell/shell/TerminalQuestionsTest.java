package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Questions on a JLine terminal fed with keystrokes: answers and edits come back as the operator left them. */
class TerminalQuestionsTest {

	private static final String BLOCK = "printf 'a\\tb|\\n'\n# it's the operator's comment   \n\tsed -i \"s/\\.old$/\\\\1/\" f\n";

	private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

	private Terminal terminal;

	private PipedOutputStream keys;

	private final java.util.concurrent.CountDownLatch testOver = new java.util.concurrent.CountDownLatch(1);

	@AfterEach
	void endTest() throws IOException {
		this.testOver.countDown();
		closeTerminal();
	}

	private void closeTerminal() throws IOException {
		if (this.terminal != null) {
			this.terminal.close();
		}
		if (this.keys != null) {
			this.keys.close();
		}
	}

	private TerminalQuestions keys(String typed) throws IOException {
		closeTerminal();
		// A pipe that stays open: at the end of a byte array input the terminal would close before reading it
		PipedInputStream keyboard = new PipedInputStream(1 << 16);
		this.keys = new PipedOutputStream(keyboard);
		// In-process line discipline: what the reader prints is on the screen at once, not after a pty's pump
		this.terminal = new ExternalTerminal("test", "xterm-256color", keyboard, this.screen, StandardCharsets.UTF_8);
		this.terminal.setSize(new Size(160, 40));
		TerminalQuestions questions = new TerminalQuestions(this.terminal);
		// The keys arrive as they would while the line reader waits: no echo, no CR-to-LF by the line discipline
		this.terminal.enterRawMode();
		this.keys.write(typed.getBytes(StandardCharsets.UTF_8));
		this.keys.flush();
		return questions;
	}

	/**
	 * A terminal whose keys arrive once the line reader waits for them. Control keys are turned into signals as
	 * the terminal reads them; sent before the reader's handler is in place, a Ctrl-C would be lost (and the
	 * question would wait for ever).
	 */
	private TerminalQuestions keysOnceAsked(String typed) throws IOException {
		TerminalQuestions questions = keys("");
		Thread asking = Thread.currentThread();
		PipedOutputStream pipe = this.keys;
		Thread typist = new Thread(() -> {
			try {
				while (!waitsForAKey(asking)) {
					Thread.sleep(5);
				}
				pipe.write(typed.getBytes(StandardCharsets.UTF_8));
				pipe.flush();
				// a pipe whose writing thread has ended is "dead" to its reader: stay until the test is over
				this.testOver.await();
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}, "typist");
		typist.setDaemon(true);
		typist.start();
		return questions;
	}

	private static boolean waitsForAKey(Thread thread) {
		boolean inReader = false;
		for (StackTraceElement frame : thread.getStackTrace()) {
			inReader |= frame.getClassName().endsWith("NonBlockingPumpInputStream") && frame.getMethodName().equals("read");
		}
		return inReader && thread.getState() == Thread.State.TIMED_WAITING || inReader && thread.getState() == Thread.State.WAITING;
	}

	private String screen() {
		return this.screen.toString(StandardCharsets.UTF_8);
	}

	@Test
	void anUnchangedEditIsTheTextByteForByteBackslashesQuotesTabsAndTrailingSpacesIncluded() throws IOException {
		String shown = BLOCK.substring(0, BLOCK.length() - 1);
		assertThat(keys("\r").edit("edit> ", shown)).isEqualTo(shown);
		assertThat(screen()).doesNotContain("quote>");
	}

	@Test
	void anApostropheDoesNotAskForMoreEnterEndsTheEdit() throws IOException {
		assertThat(keys("\r").edit("edit> ", "# don't stop\necho ok")).isEqualTo("# don't stop\necho ok");
		assertThat(screen()).doesNotContain("quote>");
	}

	@Test
	void typedTextGoesWhereTheCursorIsAltEnterStartsALineTabIsATab() throws IOException {
		assertThat(keys(" \\\\x\u001b\r\tdone 'half\r").edit("edit> ", "echo a")).isEqualTo("echo a \\\\x\n\tdone 'half");
	}

	@Test
	void answersAreTakenAsTypedNoHistoryExpansionNoBackslashRemoval() throws IOException {
		TerminalQuestions questions = keys("C:\\tmp\\new !! it's\r");
		assertThat(questions.ask("value: ")).isEqualTo("C:\\tmp\\new !! it's");
	}

	@Test
	void aSecretIsReadExactlyAndNotEchoed() throws IOException {
		assertThat(keys(" s3cr\\et! \r").askSecret("password: ")).isEqualTo(" s3cr\\et! ");
		assertThat(screen()).doesNotContain("s3cr");
	}

	@Test
	void onlyTheOfferedLettersAndFullWordsAreAnswersInAnyCase() throws IOException {
		List<Answer<String>> answers = List.of(Answer.of("run", "y", "yes"), Answer.of("stop", "q", "quit", "stop"));
		TerminalQuestions questions = keys("yolo\rnext\rSTOP\rYes\r");
		assertThat(questions.choose("? ", answers, null)).isEqualTo("stop");
		assertThat(screen()).contains("'yolo' is not an answer here. Type y or yes; q, quit or stop.")
			.contains("'next' is not an answer here");
		assertThat(questions.choose("? ", answers, null)).isEqualTo("run");
	}

	@Test
	void anEmptyAnswerIsTheDefaultOnlyWhereThereIsOne() throws IOException {
		TerminalQuestions questions = keys("\r\ry\r");
		assertThat(questions.choose("[y/N] ", Answer.YES_NO, Boolean.FALSE)).isFalse();
		assertThat(questions.choose("[y/n] ", Answer.YES_NO, null)).isTrue();
		assertThat(screen()).contains("Type y or yes; n or no.");
	}

	@Test
	void aYesNoQuestionTakesOnlyYesOrNo() throws IOException {
		TerminalQuestions questions = keys("yep\rYES\r\r");
		assertThat(questions.choose("Trust this key? [y/N] ", 'n')).isEqualTo('y');
		assertThat(screen()).contains("'yep' is not an answer here");
		assertThat(questions.choose("Trust this key? [y/N] ", 'n')).isEqualTo('n');
	}

	@Test
	void aNoteMayFollowTheAnswer() throws IOException {
		TerminalQuestions.Reply<Boolean> reply = keys("y  disk at 40%  \r").chooseWithNote("Checked? ", Answer.YES_NO);
		assertThat(reply).isEqualTo(new TerminalQuestions.Reply<>(Boolean.TRUE, "disk at 40%"));
	}

	@Test
	void ctrlCOrCtrlDAtAQuestionIsNoAnswer() throws IOException {
		assertThat(keysOnceAsked("\u0003").choose("? ", Answer.YES_NO, Boolean.FALSE)).isNull();
		assertThat(keysOnceAsked("\u0004").edit("edit> ", "")).isNull();
	}

}
