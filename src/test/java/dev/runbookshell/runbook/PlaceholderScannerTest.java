package dev.runbookshell.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PlaceholderScannerTest {

	private List<String> tokens(String markdown, int block) throws RunbookParseException {
		return new RunbookParser().parse("t.md", markdown).executableBlocks().get(block).placeholders().stream()
			.map(Placeholder::token).toList();
	}

	private List<String> tokens(String command) throws RunbookParseException {
		return tokens("```bash\n" + command + "\n```\n", 0);
	}

	@Test
	void angleBracketNamesArePlaceholders() throws Exception {
		List<Placeholder> found = new RunbookParser().parse("t.md", "```bash\npg_dump -U <db user> -h <db-host.name> x\n```\n")
			.executableBlocks().get(0).placeholders();
		assertThat(found).containsExactly(new Placeholder("<db user>", "db user", Placeholder.Kind.ANGLE),
				new Placeholder("<db-host.name>", "db-host.name", Placeholder.Kind.ANGLE));
	}

	@Test
	void redirectionsHeredocsProcessSubstitutionAndHtmlAreNotPlaceholders() throws Exception {
		assertThat(tokens("sort <in.txt >out.txt\ncat <<EOF\nx\nEOF\ndiff <(ls a) <(ls b)\necho '<br>'\nwc < file")).isEmpty();
	}

	@Test
	void placeholdersInCommentsAreNotAskedFor() throws Exception {
		assertThat(tokens("# replace <host> below\nls # or <dir>")).isEmpty();
	}

	@Test
	void dateFormatTokensArePlaceholders() throws Exception {
		assertThat(tokens("cp a /bak/venv_YYYYMMDD\ngit checkout stable-YYYY-MM-DD\ntar xf db_YYYYMMDD_HHMM.tgz"))
			.containsExactly("YYYYMMDD", "YYYY-MM-DD", "YYYYMMDD_HHMM");
	}

	@Test
	void undefinedVariablesArePlaceholdersButTheEnvironmentIsNot() throws Exception {
		assertThat(tokens("echo $NEW_HOST ${TOKEN} $HOME $PATH $USER $BASH_VERSION $1 $@ $? $$ $# $!"))
			.containsExactly("$NEW_HOST", "${TOKEN}");
	}

	@Test
	void variablesWithADefaultAreNotPlaceholders() throws Exception {
		assertThat(tokens("echo ${PORT:-8080} ${MODE:=fast} ${X-y} ${TAG:+-$TAG}")).isEmpty();
	}

	@Test
	void singleQuotesAndQuotedHeredocsDoNotExpand() throws Exception {
		assertThat(tokens("awk '{print $NF}' f\ncat > x.sh <<'EOF'\necho $LATER\nEOF\necho \"$REAL\"")).containsExactly("$REAL");
	}

	@Test
	void variablesSetEarlierInTheBlockOrAnEarlierBlockAreNotAsked() throws Exception {
		String markdown = """
				```bash
				export DIR=/srv
				read -r -p "Host: " HOST
				for f in a b; do echo $f; done
				echo $DIR $HOST $LATE
				LATE=1
				```
				```bash
				echo $DIR $LATE $HOST $OTHER
				```
				""";
		assertThat(tokens(markdown, 0)).containsExactly("$LATE");
		assertThat(tokens(markdown, 1)).containsExactly("$OTHER");
	}

	@Test
	void frontMatterVariablesAndEnvAreDefined() throws Exception {
		assertThat(tokens("---\nvariables:\n  A: 1\nenv:\n  B: 2\n---\n```bash\necho $A $B $C\n```\n", 0))
			.containsExactly("$C");
	}

}
