package dev.runbookshell.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.runbookshell.target.ExecResult.Outcome;

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
	void stderrArrivesSeparatelyFromStdout() throws Exception {
		CollectingSink sink = new CollectingSink();
		run("echo to-out; echo to-err >&2; echo more-out", sink);
		assertThat(sink.out()).isEqualTo("to-out\nmore-out\n");
		assertThat(sink.err()).isEqualTo("to-err\n");
	}

	@Test
	void outputWithoutAFinalNewlineArrivesExactlyAsPrinted() throws Exception {
		assertThat(output("printf 'abc'")).isEqualTo("abc");
		assertThat(output("printf 'two\\n\\n'")).isEqualTo("two\n\n");
	}

	@Test
	void aCommandReadingStdinGetsEndOfFileAndTheNextBlockStillRuns() throws Exception {
		CollectingSink sink = new CollectingSink();
		ExecResult result = this.session.execute(new ExecRequest("stdin", "cat; read line; echo \"read=$?\"",
				Duration.ofSeconds(10), false, Map.of()), sink);
		assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
		assertThat(sink.out()).isEqualTo("read=1\n");
		assertThat(output("echo next")).isEqualTo("next\n");
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
		assertThat(sink.out()).isEqualTo("traced\nagain\n");
		assertThat(sink.err()).doesNotContain("__RBS_").contains("echo again");
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
		long waited = 0;
		while (!sink.out().contains("started") && waited++ < 100) {
			Thread.sleep(50);
		}
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
	void setEAndAFailingCommandReportsTheShellExitedInsteadOfHanging() throws Exception {
		ExecResult result = run("set -e\nfalse\necho unreachable", new CollectingSink());
		assertThat(result.outcome()).isEqualTo(Outcome.SHELL_EXITED);
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(run("echo alive", new CollectingSink()).freshShell()).isTrue();
	}

}
