package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each substituted text runs in a real bash: the value must come out as data, never run. */
class ValueSubstitutionTest {

	/** Everything a shell could take for code: separators, quotes, expansions, a backslash. */
	private static final String HOSTILE = "x; touch pwned; echo 'q' \"d\" $(touch pwned2) `touch pwned3` \\ end";

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = {
			"printf '%s\\n' <v>",
			"printf '%s\\n' \"<v>\"",
			"printf '%s\\n' '<v>'",
			"printf '%s\\n' $'<v>'",
			"printf '%s\\n' \"${UNSET_VAR:-<v>}\"",
			"printf '%s\\n' \"$(printf '%s' <v>)\"",
			"bash -c 'printf \"%s\\n\" <v>'",
			"bash -c 'printf \"%s\\n\" \"<v>\"'",
			"sh -c \"printf '%s\\n' <v>\"",
			"sudo_() { \"$@\"; }; sudo_ bash -ec 'printf \"%s\\n\" <v>'",
			"eval \"printf '%s\\n' <v>\"",
			"eval printf \"'%s\\n'\" <v>",
			"ssh() { shift 3; bash -c \"$*\"; }; ssh -p 22 host 'printf \"%s\\n\" <v>'",
			"cat <<EOF\n<v>\nEOF",
			"cat <<'EOF'\n<v>\nEOF",
			"cat <<-\"EOF\"\n\t<v>\n\tEOF",
			"bash <<'EOF'\nprintf '%s\\n' <v>\nEOF",
			"bash <<EOF\nprintf '%s\\n' <v>\nEOF"})
	void aHostileValueComesOutAsDataWhereverItsTokenStands(String template) throws Exception {
		String script = ValueSubstitution.substitute(template, Map.of("<v>", HOSTILE));

		assertThat(bash(script)).as(script).isEqualTo(HOSTILE + "\n");
		assertThat(this.dir.resolve("pwned")).as(script).doesNotExist();
		assertThat(this.dir.resolve("pwned2")).as(script).doesNotExist();
		assertThat(this.dir.resolve("pwned3")).as(script).doesNotExist();
	}

	/** For an exporter, which has no values: a reference to the exported variable, expanded as data. */
	@ParameterizedTest
	@ValueSource(strings = {
			"printf '%s\\n' <v>",
			"printf '%s\\n' \"<v>\"",
			"printf '%s\\n' 'pre<v>'",
			"bash -c 'printf \"%s\\n\" <v>'",
			"sh -c \"printf '%s\\n' <v>\"",
			"eval \"printf '%s\\n' <v>\"",
			"eval printf \"'%s\\n'\" <v>",
			"cat <<EOF\n<v>\nEOF",
			"bash <<'EOF'\nprintf '%s\\n' <v>\nEOF",
			"bash <<EOF\nprintf '%s\\n' <v>\nEOF"})
	void aReferenceToTheExportedVariableIsExpandedAsData(String template) throws Exception {
		String script = VariableReferences.substitute(template, Map.of("<v>", "v"));

		String expected = template.contains("'pre<v>'") ? "pre" + HOSTILE + "\n" : HOSTILE + "\n";
		assertThat(bash("export v=\"$HOSTILE\"; " + script)).as(script).isEqualTo(expected);
		assertThat(this.dir.resolve("pwned")).as(script).doesNotExist();
	}

	@Test
	void aValueInsideAQuotedStringKeepsTheTextAroundIt() throws Exception {
		assertThat(bash(ValueSubstitution.substitute("echo 'host=<v>;'", Map.of("<v>", "it's")))).isEqualTo("host=it's;\n");
		assertThat(bash(ValueSubstitution.substitute("cat <<EOF\nname: <v> ($HOME)\nEOF", Map.of("<v>", "a b"))))
			.isEqualTo("name: a b (" + System.getProperty("user.home") + ")\n");
	}

	@Test
	void aPlainValueGoesInAsItIsSoTheShownTextReadsNaturally() {
		assertThat(ValueSubstitution.substitute("ssh <host> 'uptime; df <host>' && echo \"<host>\"",
				Map.of("<host>", "db1.internal"))).isEqualTo("ssh db1.internal 'uptime; df db1.internal' && echo \"db1.internal\"");
		assertThat(ValueSubstitution.substitute("pg_dump > dump-YYYYMMDD.sql", Map.of("YYYYMMDD", "20261121")))
			.isEqualTo("pg_dump > dump-20261121.sql");
	}

	@Test
	void aCommentGetsTheValueOnOneLine() throws Exception {
		String script = ValueSubstitution.substitute("echo ok # for <v>", Map.of("<v>", "a\ntouch pwned"));

		assertThat(bash(script)).isEqualTo("ok\n");
		assertThat(this.dir.resolve("pwned")).doesNotExist();
	}

	@Test
	void arithmeticTakesAnIntegerOnly() throws Exception {
		assertThat(bash(ValueSubstitution.substitute("echo $(( <n> + 1 ))", Map.of("<n>", "41")))).isEqualTo("42\n");
		assertThatThrownBy(() -> ValueSubstitution.substitute("echo $(( <n> + 1 ))", Map.of("<n>", "a[$(touch x)]")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("<n> stands in arithmetic");
	}

	@Test
	void aValueThatWouldEndItsHereDocumentIsRefused() {
		assertThatThrownBy(() -> ValueSubstitution.substitute("cat <<EOF\n<v>\nEOF\n",
				Map.of("<v>", "a\nEOF\ntouch pwned")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("here-document ending at 'EOF'");
	}

	@Test
	void aMultiLineValueInQuotesStaysOneValue() throws Exception {
		assertThat(bash(ValueSubstitution.substitute("printf '[%s]\\n' <v>", Map.of("<v>", "a\nb")))).isEqualTo("[a\nb]\n");
	}

	private String bash(String script) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(this.dir.toFile())
			.redirectErrorStream(true);
		builder.environment().put("HOSTILE", HOSTILE);
		Process process = builder.start();
		try (var out = process.getInputStream()) {
			String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
			return text;
		}
		finally {
			process.destroyForcibly();
			Files.deleteIfExists(this.dir.resolve("x"));
		}
	}

}
