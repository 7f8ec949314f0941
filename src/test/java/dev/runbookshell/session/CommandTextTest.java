package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CommandTextTest {

	private static String replace(String text) {
		return CommandText.replaceQuoted(text, Map.of("<host>", "host"));
	}

	@Test
	void bareTokenBecomesADoubleQuotedReference() {
		assertThat(replace("ssh <host> uptime")).isEqualTo("ssh \"${host}\" uptime");
	}

	@Test
	void tokenInsideDoubleQuotesBecomesABareReference() {
		assertThat(replace("echo \"connecting to <host> now\"")).isEqualTo("echo \"connecting to ${host} now\"");
	}

	@Test
	void tokenInsideSingleQuotesClosesAndReopensThem() {
		assertThat(replace("echo 'host=<host>;'")).isEqualTo("echo 'host='\"${host}\"';'");
	}

	@Test
	void escapedQuoteDoesNotOpenAQuote() {
		assertThat(replace("echo \\' <host>")).isEqualTo("echo \\' \"${host}\"");
	}

	@Test
	void variableNamesTheShellRejectsAreExportedUnderASafeName() {
		assertThat(SessionVariables.shellName("db-host")).isEqualTo("db_host");
		assertThat(SessionVariables.shellName("2fa")).isEqualTo("_2fa");
	}

}
