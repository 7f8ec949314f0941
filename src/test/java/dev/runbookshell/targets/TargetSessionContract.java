package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.runbookshell.targets.ExecResult.Outcome;

/**
 * What every transport must do the same way. Subclasses name the target; each test gets a fresh session.
 */
abstract class TargetSessionContract {

	protected TargetSession session;

	/** The target under test; opened before each test. */
	protected abstract Target target() throws Exception;

	/** {@code bash} or {@code sh}: what the target's shell is expected to be. */
	protected abstract String expectedShell();

	@BeforeEach
	void openSession() throws Exception {
		this.session = target().open(TargetPrompts.refusing());
	}

	@AfterEach
	void closeSession() {
		if (this.session != null) {
			this.session.close();
		}
	}

	protected ExecResult run(String script, CollectingSink sink) throws TargetException {
		return this.session.execute(ExecRequest.of("test", script), sink);
	}

	protected String output(String script) throws TargetException {
		CollectingSink sink = new CollectingSink();
		ExecResult result = run(script, sink);
		assertThat(result.outcome()).as("outcome of %s (stderr: %s)", script, sink.err()).isEqualTo(Outcome.COMPLETED);
		return sink.out();
	}

	@Test
	void theShellIsTheExpectedOne() throws Exception {
		assertThat(this.session.shell()).isEqualTo(expectedShell());
		assertThat(output("if [ -n \"$BASH_VERSION\" ]; then echo bash; else echo sh; fi")).isEqualTo(expectedShell() + "\n");
	}

	@Test
	void theWorkingDirectoryCarriesOverToTheNextBlock() throws Exception {
		output("mkdir -p /tmp/rb-cd-test && cd /tmp/rb-cd-test");
		assertThat(output("pwd")).isEqualTo("/tmp/rb-cd-test\n");
	}

	@Test
	void exportedVariablesCarryOverToTheNextBlock() throws Exception {
		output("export GREETING='hello there'");
		assertThat(output("sh -c 'echo \"$GREETING\"'")).isEqualTo("hello there\n");
	}

	@Test
	void functionsAndSetOptionsCarryOverToTheNextBlock() throws Exception {
		output("greet() { echo \"hi $1\"; }\nset -f");
		assertThat(output("greet bob; echo /*")).isEqualTo("hi bob\n/*\n");
	}

	@Test
	void theExitCodeIsTheLastCommands() throws Exception {
		assertThat(run("echo before; sh -c 'exit 7'", new CollectingSink()).exitCode()).isEqualTo(7);
		assertThat(run("true", new CollectingSink()).exitCode()).isZero();
	}

	@Test
	void stdoutAndStderrArriveInTheOrderTheBlockWroteThem() throws Exception {
		CollectingSink sink = new CollectingSink();
		run("echo out-1; echo err-2 >&2; echo out-3; sh -c 'echo err-4 >&2'; echo out-5", sink);
		assertThat(sink.out()).isEqualTo("out-1\nerr-2\nout-3\nerr-4\nout-5\n");
		assertThat(sink.err()).isEmpty();
	}

	@Test
	void outputWithoutAFinalNewlineArrivesExactlyAsPrinted() throws Exception {
		assertThat(output("printf 'abc'")).isEqualTo("abc");
		assertThat(output("printf 'two\\n\\n'")).isEqualTo("two\n\n");
	}

	@Test
	void aCommandReadingStdinGetsEndOfFileAndTheNextBlockStillRuns() throws Exception {
		CollectingSink sink = new CollectingSink();
		ExecResult result = this.session.execute(new ExecRequest("stdin", "cat; read line || echo \"read=$?\"",
				Duration.ofSeconds(10), false, Map.of()), sink);
		assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
		assertThat(sink.out()).isEqualTo("read=1\n");
		assertThat(output("echo next")).isEqualTo("next\n");
	}

	@Test
	void aLineTypedIntoAnInteractiveBlockReachesReadAndDecidesItsExitCode() throws Exception {
		CompletableFuture<ExecResult> yes = runInteractive("read -r answer; test \"$answer\" = YES", new CollectingSink());
		assertThat(sendOnceOpen("YES\n")).as("the block accepted input").isTrue();
		assertThat(yes.get(10, TimeUnit.SECONDS).exitCode()).isZero();

		CompletableFuture<ExecResult> no = runInteractive("read -r answer; test \"$answer\" = YES", new CollectingSink());
		assertThat(sendOnceOpen("no\n")).isTrue();
		assertThat(no.get(10, TimeUnit.SECONDS).exitCode()).isEqualTo(1);
	}

	@Test
	void outputOfAnInteractiveBlockStreamsWhileItWaitsForInput() throws Exception {
		CollectingSink sink = new CollectingSink();
		CompletableFuture<ExecResult> running = runInteractive(
				"echo 'Type YES to continue:'; echo asked >&2; read -r answer; echo \"you said $answer\"", sink);
		awaitOutput(sink, "asked");
		assertThat(sink.out()).as("output while the block waits").isEqualTo("Type YES to continue:\nasked\n");
		sendOnceOpen("YES\n");
		assertThat(running.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.COMPLETED);
		assertThat(sink.out()).isEqualTo("Type YES to continue:\nasked\nyou said YES\n");
		assertThat(sink.err()).as("the protocol's markers are not output").isEmpty();
	}

	@Test
	void typedInputTheBlockLeftUnreadNeverRunsAsACommandNorReachesTheNextBlock() throws Exception {
		output("cd /tmp && rm -f rb-typed-leak");
		CollectingSink sink = new CollectingSink();
		CompletableFuture<ExecResult> running = runInteractive("read -r first; echo \"first=$first\"", sink);
		assertThat(sendOnceOpen("one\ntouch rb-typed-leak\npartial")).isTrue();
		assertThat(running.get(10, TimeUnit.SECONDS).exitCode()).isZero();
		assertThat(sink.out()).isEqualTo("first=one\n");

		assertThat(this.session.sendInput("touch rb-typed-leak\n".getBytes(StandardCharsets.UTF_8)))
			.as("input after the block ended").isFalse();
		assertThat(output("read -r next || true; echo \"next=$next\"; ls rb-typed-leak 2>/dev/null || echo absent"))
			.isEqualTo("next=\nabsent\n");
	}

	@Test
	void aBlockWithStdinFromDevNullTakesNoTypedInput() throws Exception {
		CollectingSink sink = new CollectingSink();
		CompletableFuture<ExecResult> running = CompletableFuture.supplyAsync(() -> {
			try {
				return run("echo started; sleep 2; read -r line || true; echo \"line=$line\"", sink);
			}
			catch (TargetException ex) {
				throw new IllegalStateException(ex);
			}
		});
		awaitOutput(sink, "started");
		assertThat(this.session.sendInput("typed\n".getBytes(StandardCharsets.UTF_8))).isFalse();
		running.get(10, TimeUnit.SECONDS);
		assertThat(sink.out()).isEqualTo("started\nline=\n");
	}

	@Test
	void anInteractiveBlockWaitingForInputIsInterruptedAndTheNextBlockRuns() throws Exception {
		CollectingSink sink = new CollectingSink();
		CompletableFuture<ExecResult> running = runInteractive("echo waiting; read -r answer; echo unreachable", sink);
		awaitOutput(sink, "waiting");
		this.session.interrupt();
		ExecResult result = running.get(10, TimeUnit.SECONDS);
		assertThat(result.outcome()).isEqualTo(Outcome.INTERRUPTED);
		assertThat(result.message()).as("the block's own trap ended it").contains("the shell and its state are kept");
		assertThat(sink.out()).doesNotContain("unreachable");
		assertThat(output("echo next")).isEqualTo("next\n");
	}

	private CompletableFuture<ExecResult> runInteractive(String script, CollectingSink sink) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return this.session.execute(new ExecRequest("typed", script, Duration.ofSeconds(20), true, Map.of()),
						sink);
			}
			catch (TargetException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/** Sends {@code text} as soon as the block takes input (its shell must first have read it), 10 s at most. */
	private boolean sendOnceOpen(String text) throws InterruptedException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < 1000; i++) {
			if (this.session.sendInput(bytes)) {
				return true;
			}
			Thread.sleep(10);
		}
		return false;
	}

	private static void awaitOutput(CollectingSink sink, String text) throws InterruptedException {
		for (int i = 0; i < 200 && !sink.out().contains(text); i++) {
			Thread.sleep(50);
		}
		assertThat(sink.out()).contains(text);
	}

	@Test
	void aHeredocAndAMultiLineLoopRunAsTyped() throws Exception {
		String script = """
				NAME=world
				cat <<EOF
				hello $NAME
				EOF
				cat <<'RAW'
				kept $NAME
				RAW
				for i in 1 2; do
				  echo "line $i"
				done
				""";
		assertThat(output(script)).isEqualTo("hello world\nkept $NAME\nline 1\nline 2\n");
	}

	@Test
	void exportsArriveVerbatimAndRunNothing() throws Exception {
		output("cd /tmp && rm -f rb-pwned");
		String hostile = "'; touch rb-pwned #$(touch rb-pwned)`touch rb-pwned`";
		CollectingSink sink = new CollectingSink();
		this.session.execute(new ExecRequest("exports", "printf '%s' \"$HOSTILE\"", null, false,
				Map.of("HOSTILE", hostile)), sink);
		assertThat(sink.out()).isEqualTo(hostile);
		assertThat(output("ls rb-pwned 2>/dev/null || echo absent")).isEqualTo("absent\n");
	}

	@Test
	void theSentinelNeverReachesTheOutputEvenWithTracing() throws Exception {
		CollectingSink sink = new CollectingSink();
		run("set -x; echo traced", sink);
		run("echo again", sink);
		assertThat(sink.out()).doesNotContain("__rb", "__RB").contains("traced\n", "echo again", "again\n");
		assertThat(sink.err()).isEmpty();
	}

	@Test
	void verboseModeEchoesTheBlocksLinesButNeverTheToolsOwnNorAnExportedValue() throws Exception {
		CollectingSink first = new CollectingSink();
		// as the parser gives it: ending in a newline
		this.session.execute(fromLine(5, "set -v\necho one\n"), first);
		CollectingSink second = new CollectingSink();
		this.session.execute(new ExecRequest("secret", "echo \"${#SECRET_VALUE}\"", null, false,
				Map.of("SECRET_VALUE", "s3cr3t-v4lue"), new ExecRequest.Origin("plan.md", 9), ExecRequest.FailureRule.STOP,
				null), second);
		// busybox sh also echoes the one line the tool adds after the script (it holds no value)
		assertThat(first.out()).isEqualTo(expectedShell().equals("bash") ? "echo one\none\n"
				: "echo one\none\n{ __rb_rc=$?; } 2>/dev/null\n");
		assertThat((first.out() + second.out()).replace("{ __rb_rc=$?; } 2>/dev/null\n", ""))
			.doesNotContain("s3cr3t-v4lue", "__rb", "__RB");
		assertThat(second.out()).as("the next block is echoed too: set -v carries over")
			.startsWith("echo \"${#SECRET_VALUE}\"\n12\n");
	}

	@Test
	void aLastLineContinuedByABackslashRunsAndTheShellLivesOn() throws Exception {
		CollectingSink sink = new CollectingSink();
		ExecResult result = this.session.execute(fromLine(3, "echo a \\\n"), sink);
		assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
		assertThat(sink.out()).isEqualTo("a\n");
		assertThat(output("echo still-here")).isEqualTo("still-here\n");
	}

	@Test
	void aTimedOutBlockIsInterruptedQuicklyAndTheSessionKeepsItsState() throws Exception {
		output("cd /tmp && export KEPT=yes");
		CollectingSink sink = new CollectingSink();
		ExecResult result = this.session.execute(new ExecRequest("slow", "echo started; sleep 30; echo finished",
				Duration.ofSeconds(1), false, Map.of()), sink);
		assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
		assertThat(sink.out()).as("the rest of the block does not run").contains("started").doesNotContain("finished");
		assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
		assertThat(result.message()).contains("timed out after 1s");
		assertThat(output("echo \"$PWD $KEPT\"")).isEqualTo("/tmp yes\n");
	}

	@Test
	void anInterruptFromAnotherThreadStopsTheBlockAndKeepsTheSession() throws Exception {
		output("export KEPT=yes");
		CollectingSink sink = new CollectingSink();
		CompletableFuture<ExecResult> running = CompletableFuture.supplyAsync(() -> {
			try {
				return run("echo started; sleep 30; echo finished", sink);
			}
			catch (TargetException ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(sink.awaitOut("started", Duration.ofSeconds(30))).as("the block printed that it started").isTrue();
		this.session.interrupt();
		ExecResult result = running.get(10, TimeUnit.SECONDS);
		assertThat(result.outcome()).isEqualTo(Outcome.INTERRUPTED);
		assertThat(result.duration()).isLessThan(Duration.ofSeconds(8));
		assertThat(sink.out()).as("the rest of the block does not run").doesNotContain("finished");
		assertThat(output("echo $KEPT")).isEqualTo("yes\n");
	}

	@Test
	void exitInABlockEndsTheShellWithItsCodeAndTheNextBlockGetsAFreshShell() throws Exception {
		output("export LOST=before");
		ExecResult exited = run("echo bye; exit 3", new CollectingSink());
		assertThat(exited.outcome()).isEqualTo(Outcome.SHELL_EXITED);
		assertThat(exited.exitCode()).isEqualTo(3);
		CollectingSink sink = new CollectingSink();
		ExecResult next = run("echo \"lost=${LOST:-}\"", sink);
		assertThat(next.freshShell()).isTrue();
		assertThat(sink.out()).isEqualTo("lost=\n");
		assertThat(run("true", new CollectingSink()).freshShell()).isFalse();
	}

	@Test
	void setEWrittenByTheBlockStopsItAtTheFailureKeepsTheShellAndCarriesOver() throws Exception {
		CollectingSink sink = new CollectingSink();
		ExecResult result = this.session.execute(continuing("set -e\nfalse\necho unreachable"), sink);
		assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(sink.out()).doesNotContain("unreachable");
		assertThat(result.failedCommands()).extracting(FailedCommand::line).containsExactly(2);
		ExecResult next = this.session.execute(continuing("case $- in *e*) echo errexit-on ;; esac\nfalse\necho not"),
				sink);
		assertThat(next.freshShell()).isFalse();
		assertThat(sink.out()).contains("errexit-on").doesNotContain("not");
		assertThat(next.exitCode()).isEqualTo(1);
	}

	@Test
	void aBlockStopsAtItsFirstFailedCommandAndNamesItsLineAndExitCode() throws Exception {
		CollectingSink sink = new CollectingSink();
		ExecResult result = this.session.execute(fromLine(40, "echo one\nrb-no-such-command --flag\necho two\nfalse"),
				sink);
		assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
		assertThat(result.exitCode()).isEqualTo(127);
		assertThat(result.failedCount()).isEqualTo(1);
		FailedCommand failed = result.failedCommands().get(0);
		assertThat(failed.line()).isEqualTo(41);
		assertThat(failed.exitCode()).isEqualTo(127);
		if (expectedShell().equals("bash")) {
			assertThat(failed.command()).isEqualTo("rb-no-such-command --flag");
		}
		assertThat(sink.out()).startsWith("one\n").doesNotContain("two").contains("plan.md: line 41: ")
			.doesNotContain("main: line");
	}

	@Test
	void aBlockFarDownTheRunbookNamesTheRunbookLinesOfItsFailures() throws Exception {
		for (int line : new int[] { 1, 2, 3, 1203 }) {
			CollectingSink sink = new CollectingSink();
			ExecResult result = this.session.execute(fromLine(line, "echo one\nrb-no-such-command"), sink);
			assertThat(result.failedCommands()).as("block at line " + line).extracting(FailedCommand::line)
				.containsExactly(line + 1);
			assertThat(sink.out()).contains("plan.md: line " + (line + 1) + ": ");
		}
	}

	@Test
	void withTerminalSemanticsEveryFailedCommandIsReportedAndTheBlockGoesOn() throws Exception {
		CollectingSink sink = new CollectingSink();
		ExecResult result = this.session.execute(continuing("""
				rb-no-such-1
				if false; then :; fi
				false && true
				false || true
				! true
				true | false
				f() { false; echo in-f; }
				f
				x=$(false; echo sub)
				( false; echo paren )
				rb-no-such-2
				echo end"""), sink);
		assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
		assertThat(result.exitCode()).isZero();
		assertThat(sink.out()).contains("in-f", "paren", "end");
		// busybox sh numbers a failed pipeline with the line of the command before it
		int pipeline = expectedShell().equals("bash") ? 6 : 5;
		assertThat(result.failedCommands()).extracting(FailedCommand::line, FailedCommand::exitCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 127), org.assertj.core.groups.Tuple.tuple(pipeline, 1),
					org.assertj.core.groups.Tuple.tuple(7, 1), org.assertj.core.groups.Tuple.tuple(11, 127));
		assertThat(result.failedCount()).isEqualTo(4);
	}

	@Test
	void pipefailTurnedOnByABlockMakesAPipelineFailByAnyOfItsCommands() throws Exception {
		assertThat(this.session.execute(continuing("false | true"), new CollectingSink()).failedCount()).isZero();
		this.session.execute(ExecRequest.of("pipefail", "set -o pipefail"), new CollectingSink());
		ExecResult result = this.session.execute(continuing("echo before\nfalse | true\necho after"),
				new CollectingSink());
		assertThat(result.failedCount()).isEqualTo(1);
		if (expectedShell().equals("bash")) {
			assertThat(result.failedCommands()).extracting(FailedCommand::line).containsExactly(2);
		}
	}

	@Test
	void acceptedExitCodesAreNotFailures() throws Exception {
		ExecResult result = this.session.execute(new ExecRequest("accepted", "sh -c 'exit 3'\necho after", null, false,
				Map.of(), null, new ExecRequest.FailureRule(true, java.util.Set.of(3)), null), new CollectingSink());
		assertThat(result.failedCount()).isZero();
		assertThat(result.exitCode()).isZero();
	}

	@Test
	void aFunctionFromAnEarlierBlockFailsAtTheLineThatDefinedIt() throws Exception {
		this.session.execute(fromLine(10, "deploy() {\n  echo deploying\n  rb-no-such-tool\n  echo deployed\n}"),
				new CollectingSink());
		CollectingSink sink = new CollectingSink();
		ExecResult result = this.session.execute(fromLine(30, "echo start\ndeploy\necho after"), sink);
		assertThat(sink.out()).contains("deploying").doesNotContain("deployed", "after");
		assertThat(result.failedCommands()).extracting(FailedCommand::line).containsExactly(12);
		assertThat(result.exitCode()).isEqualTo(127);
	}

	@Test
	void theShellReportsItsFolderExportsAndFunctionsAtEachBlocksEnd() throws Exception {
		ExecResult result = this.session.execute(ExecRequest.of("state",
				"cd /tmp\nexport STAMP=20250101 RB_MULTI='a\nb'\\''c'\ngreet() { echo \"hi $1\"; }"), new CollectingSink());
		ShellState state = result.shellState();
		assertThat(state).isNotNull();
		assertThat(state.cwd()).isEqualTo("/tmp");
		assertThat(state.exports()).containsEntry("STAMP", "20250101").containsEntry("RB_MULTI", "a\nb'c")
			.doesNotContainKeys("PATH", "HOME", "PWD");
		if (expectedShell().equals("bash")) {
			assertThat(state.functions()).containsOnlyKeys("greet");
		}
	}

	@Test
	void aRestoredStateComesBackInAFreshShell() throws Exception {
		ShellState state = this.session.execute(ExecRequest.of("state",
				"cd /tmp\nexport STAMP=20250101\ngreet() { echo \"hi $1\"; }"), new CollectingSink()).shellState();
		this.session.close();
		this.session = target().open(TargetPrompts.refusing());
		java.util.List<String> lost = this.session.restore(state);
		if (expectedShell().equals("bash")) {
			assertThat(lost).isEmpty();
			assertThat(output("echo \"$PWD $STAMP\"; greet bob")).isEqualTo("/tmp 20250101\nhi bob\n");
		}
		else {
			assertThat(lost).containsExactly("functions (sh cannot list them)");
			assertThat(output("echo \"$PWD $STAMP\"")).isEqualTo("/tmp 20250101\n");
		}
	}

	private static ExecRequest continuing(String script) {
		return new ExecRequest("continue", script, Duration.ofSeconds(20), false, Map.of(), null,
				new ExecRequest.FailureRule(false, java.util.Set.of()), null);
	}

	private static ExecRequest fromLine(int line, String script) {
		return new ExecRequest("lines", script, Duration.ofSeconds(20), false, Map.of(),
				new ExecRequest.Origin("docs/plan.md", line), ExecRequest.FailureRule.STOP, null);
	}

}
