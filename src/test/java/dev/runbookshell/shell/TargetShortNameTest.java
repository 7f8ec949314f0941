package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetShortNameTest {

	@Test
	void aFrontMatterNameOrLocalIsTypedAsItIs() {
		assertThat(TargetShortName.of("prod-db")).isEqualTo("prod-db");
		assertThat(TargetShortName.of("local")).isEqualTo("local");
	}

	@Test
	void anImageIsNamedWithoutRegistryNamespaceTagOrDigest() {
		assertThat(TargetShortName.of("docker+image://runbook-test/bash:1")).isEqualTo("bash");
		assertThat(TargetShortName.of("docker+image://registry:5000/team/app@sha256:abc")).isEqualTo("app");
	}

	@Test
	void aHostOrContainerIsNamedWithoutUserPortOrQuery() {
		assertThat(TargetShortName.of("ssh://deploy@db1.internal:2222")).isEqualTo("db1.internal");
		assertThat(TargetShortName.of("ssh://root@[::1]:22")).isEqualTo("::1");
		assertThat(TargetShortName.of("docker://web-1?shell=sh")).isEqualTo("web-1");
	}

}
