package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class BlockScriptTest {

	private static final ExecRequest BLOCK = new ExecRequest("deploy", "true\n", null, false, Map.of(),
			new ExecRequest.Origin("plans/deploy.md", 42), ExecRequest.FailureRule.STOP, null);

	@Test
	void aShellGetsTheProtocolOnceAndEachBlockAfterThatOnlyItsScriptAndSettings() {
		for (ShellDialect dialect : ShellDialect.values()) {
			BlockScript script = BlockScript.random();
			String first = script.text(BLOCK, dialect, true);
			String next = script.text(BLOCK, dialect, false);
			assertThat(first).startsWith(BlockScript.install(dialect, false));
			assertThat(first).endsWith(next);
			// bash reads a pipe one byte per read(2): this is what each block costs it (the protocol was ~2 KB)
			assertThat(next.length()).as(dialect.name()).isLessThan(360);
			assertThat(next).doesNotContain("__rb_run()", "trap ");
		}
	}

	@Test
	void aBlockFarDownTheRunbookCostsTheShellNoMoreBytesThanOneAtItsTop() {
		ExecRequest deep = new ExecRequest("deploy", "true\n", null, false, Map.of(),
				new ExecRequest.Origin("plans/deploy.md", 4000), ExecRequest.FailureRule.STOP, null);
		for (ShellDialect dialect : ShellDialect.values()) {
			BlockScript script = BlockScript.random();
			// the empty lines that put the script at line 4000 are made by the shell, not read from the pipe
			assertThat(script.text(deep, dialect, false).length()).as(dialect.name())
				.isLessThanOrEqualTo(script.text(BLOCK, dialect, false).length() + 2);
		}
	}

	@Test
	void noTextWrittenToTheShellHoldsTheSentinelOrTheReadyMarkerWhole() {
		BlockScript script = BlockScript.random();
		ExecRequest interactive = new ExecRequest("ask", "read -r x\n", null, true, Map.of("A", "b"));
		for (String text : new String[] { script.text(BLOCK, ShellDialect.BASH, true),
				script.text(interactive, ShellDialect.ASH, true), script.hello() }) {
			assertThat(text).doesNotContain(script.sentinel(), script.readySentinel());
		}
	}

}
