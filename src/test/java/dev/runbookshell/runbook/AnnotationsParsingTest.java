package dev.runbookshell.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AnnotationsParsingTest {

	private ParseResult read(String markdown) throws RunbookParseException {
		return new RunbookParser().read("test.md", markdown);
	}

	private Annotations annotationsOf(String infoString) throws RunbookParseException {
		return read("```" + infoString + "\nls\n```\n").runbook().blocks().get(0).annotations();
	}

	@Test
	void runmeSyntaxWithBareDoubleAndSingleQuotedValues() throws Exception {
		Annotations a = annotationsOf("bash {name=backup-db timeout=5m confirm=typed expect=\"HTTP/1.1 200\" cwd='/srv/a b'}");
		assertThat(a.values()).containsExactly(java.util.Map.entry("name", "backup-db"), java.util.Map.entry("timeout", "5m"),
				java.util.Map.entry("confirm", "typed"), java.util.Map.entry("expect", "HTTP/1.1 200"),
				java.util.Map.entry("cwd", "/srv/a b"));
		assertThat(a.timeout()).contains(Duration.ofMinutes(5));
		assertThat(a.confirm()).contains(Annotations.Confirm.TYPED);
	}

	@Test
	void jsonSyntaxWithNumbersAndBooleans() throws Exception {
		Annotations a = annotationsOf("sh {\"name\": \"restart\", \"retries\": 3, \"interactive\": false}");
		assertThat(a.name()).contains("restart");
		assertThat(a.retries()).isEqualTo(3);
		assertThat(a.interactive()).isFalse();
	}

	@Test
	void theLanguageEndsAtABraceWithoutASpace() throws Exception {
		Block block = read("```bash{name=x}\nls\n```\n").runbook().blocks().get(0);
		assertThat(block.language()).isEqualTo("bash");
		assertThat(block.name()).isEqualTo("x");
	}

	@Test
	void runmesBracelessFormIsAccepted() throws Exception {
		assertThat(annotationsOf("bash name=quick timeout=10s").values()).containsEntry("name", "quick")
			.containsEntry("timeout", "10s");
	}

	@Test
	void badAnnotationTextKeepsWhatParsesAndIsNoted() throws Exception {
		ParseResult result = read("# T\n\n```bash {name=ok oops timeout=\"5m}\nls\n```\n");
		Block block = result.runbook().executableBlocks().get(0);
		assertThat(block.name()).isEqualTo("ok");
		assertThat(result.notes()).extracting(ParseNote::kind).containsOnly(ParseNote.Kind.BAD_ANNOTATION);
		assertThat(result.notes()).extracting(ParseNote::line).containsOnly(3);
		assertThat(result.notes()).extracting(ParseNote::message).anyMatch(m -> m.contains("oops"));
	}

	@Test
	void unknownKeysAreKeptNotRejected() throws Exception {
		Annotations a = annotationsOf("bash {name=x colour=blue}");
		assertThat(a.unknownKeys()).containsExactly("colour");
	}

	@Test
	void anInfoStringWithoutAnnotationsHasNone() throws Exception {
		assertThat(annotationsOf("bash title of the block").values()).isEmpty();
	}

}
