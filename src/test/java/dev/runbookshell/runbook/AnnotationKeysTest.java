package dev.runbookshell.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnotationKeysTest {

	private static AnnotationKeys keys(String markdown) throws RunbookParseException {
		return AnnotationKeys.of(new RunbookParser().parse("plan.md", markdown));
	}

	@ParameterizedTest
	@CsvSource({ "timout,timeout", "tiemout,timeout", "Timeout,timeout", "time_out,timeout", "retires,retries",
			"exclude_from_run_all,excludeFromRunAll", "confrim,confirm", "pwd,cwd", "rollbak,rollback",
			"interative,interactive" })
	void aNearMissOfAKeyWeHonourIsRefusedWithTheKeyItMeant(String typed, String meant) throws Exception {
		AnnotationKeys keys = keys("# T\n## S\n```bash {" + typed + "=1s}\nsleep 3\n```\n");
		assertThat(keys.refusal()).hasValue("plan.md:3: block 1.1 s: annotation '" + typed
				+ "' is not one we know: did you mean '" + meant + "'?; --force runs it anyway, without that annotation");
		assertThat(keys.notes()).isEmpty();
	}

	@Test
	void runmeKeysWeDoNotImplementAreAcceptedWithOneNote() throws Exception {
		AnnotationKeys keys = keys("""
				```sh {"id":"01HY0Y62WJCT2BVD5VA2HZ32TG","interpreter":"bash","runme.dev/name":"x"}
				echo a
				```
				```sh {background=false closeTerminalOnSuccess=true id=01HY0SZ}
				echo b
				```
				""");
		assertThat(keys.refusal()).isEmpty();
		assertThat(keys.notes()).containsExactly("note: Runme annotations accepted but not implemented here: "
				+ "id (lines 1, 4), interpreter (line 1), runme.dev/name (line 1), background (line 4), "
				+ "closeTerminalOnSuccess (line 4)");
	}

	@Test
	void anyOtherKeyIsAWarningAndHonouredKeysAreSilent() throws Exception {
		AnnotationKeys keys = keys("```bash {name=a timeout=5s owner=ops backgrnd=true}\nls\n```\n");
		assertThat(keys.refusal()).isEmpty();
		assertThat(keys.notes()).containsExactly(
				"warning: plan.md:1: block 0.1 a: annotation 'owner' is not one we know; it is ignored",
				"warning: plan.md:1: block 0.1 a: annotation 'backgrnd' is not one we know: did you mean 'background'?");
	}

	@Test
	void severalNearMissesAreCountedInTheOneLine() throws Exception {
		assertThat(keys("```bash {timout=1s}\na\n```\n```bash {retires=2}\nb\n```\n").refusal()).hasValueSatisfying(
				line -> assertThat(line).startsWith("plan.md:1: ").contains("(and 1 more)").doesNotContain("\n"));
	}

}
