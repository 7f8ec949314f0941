package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.runbookshell.runbook.FrontMatter;

/** A variable whose name says it is secret is one, declared or not. */
class SecretNamedVariablesTest {

	@Test
	void namesWithPassTokenSecretOrKeyInAnyCaseAreSecret() {
		assertThat(SessionVariables.namedAsSecret("TOKEN")).isTrue();
		assertThat(SessionVariables.namedAsSecret("db-password")).isTrue();
		assertThat(SessionVariables.namedAsSecret("aws_Secret_access")).isTrue();
		assertThat(SessionVariables.namedAsSecret("ssh_key")).isTrue();
		assertThat(SessionVariables.namedAsSecret("NEW_HOST")).isFalse();
		assertThat(SessionVariables.namedAsSecret("timestamp")).isFalse();
	}

	@Test
	void anUndeclaredTokenIsMaskedWhereverItWouldBeShown() {
		SecretValues secrets = new SecretValues();
		SessionVariables variables = new SessionVariables(FrontMatter.EMPTY, secrets);
		variables.set("TOKEN", "tok-4711", false);
		variables.set("NEW_HOST", "db2", false);

		assertThat(variables.isSecret("TOKEN")).isTrue();
		assertThat(variables.display("TOKEN")).isEqualTo("****");
		assertThat(variables.display("NEW_HOST")).isEqualTo("db2");
		assertThat(secrets.mask("curl -H 'Authorization: tok-4711' db2")).isEqualTo("curl -H 'Authorization: ****' db2");
	}

}
