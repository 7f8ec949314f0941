package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The state bash and busybox sh print at a block's end, read back value for value. */
class ShellStateDumpTest {

	@Test
	void bashQuotingWithAndWithoutControlCharacters() {
		String dump = "/srv/app\n\u001eE\n" + """
				declare -x A=$'a\\nb"q\\\\$x`c\\'z'
				declare -x B="plain \\"quoted\\" \\$HOME \\\\ end"
				declare -x EMPTY=""
				declare -x NOVALUE
				declare -x OCT=$'\\001z\\x41'
				""" + "\u001eF\n" + """
				greet () 
				{ 
				    echo "hi $1"
				}
				__rb_run () 
				{ 
				    :
				}
				""";
		ShellState state = ShellStateDump.parse(dump.getBytes(StandardCharsets.UTF_8));
		assertThat(state.cwd()).isEqualTo("/srv/app");
		assertThat(state.exports()).containsEntry("A", "a\nb\"q\\$x`c'z").containsEntry("B", "plain \"quoted\" $HOME \\ end")
			.containsEntry("EMPTY", "").containsEntry("OCT", "\u0001zA").doesNotContainKey("NOVALUE");
		assertThat(state.functions()).containsOnlyKeys("greet", "__rb_run");
		// (a text block drops the space bash prints after "()" and "{")
		assertThat(state.functions().get("greet")).isEqualTo("greet ()\n{\n    echo \"hi $1\"\n}\n");
		assertThat(state.functionsKnown()).isTrue();
	}

	@Test
	void busyboxQuotingAcrossLines() {
		String dump = "/\n\u001eE\n" + """
				export A='a
				b"q$x`c'"'"'z'
				export C
				export HOME='/root'
				""";
		ShellState state = ShellStateDump.parse(dump.getBytes(StandardCharsets.UTF_8));
		assertThat(state.exports()).containsEntry("A", "a\nb\"q$x`c'z").containsEntry("HOME", "/root")
			.doesNotContainKey("C");
		assertThat(state.functionsKnown()).isFalse();
	}

	@Test
	void onlyWhatBlocksChangedCountsAgainstTheShellAsItStarted() {
		ShellState initial = ShellStateDump.parse("/\n\u001eE\nexport HOME='/root'\nexport PATH='/bin'\n"
			.getBytes(StandardCharsets.UTF_8));
		ShellState now = ShellStateDump.parse(("/tmp\n\u001eE\nexport HOME='/root'\nexport PATH='/bin:/opt/bin'\n"
				+ "export PWD='/tmp'\nexport STAMP='1'\nexport __rb_x='y'\n").getBytes(StandardCharsets.UTF_8));
		assertThat(now.since(initial).exports()).containsOnlyKeys("PATH", "STAMP");
	}

}
