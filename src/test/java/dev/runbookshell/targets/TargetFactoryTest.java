package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.runbookshell.targets.docker.DockerTarget;
import dev.runbookshell.targets.local.LocalTarget;
import dev.runbookshell.targets.ssh.SshTarget;

class TargetFactoryTest {

	private final TargetFactory factory = new TargetFactory(name -> null, Path.of("/home/op"));

	@Test
	void localStartsInTheCwdOption() {
		Target target = this.factory.create(new TargetDefinition("here", "local", Map.of("cwd", "/srv/app")));
		assertThat(target).isInstanceOf(LocalTarget.class);
		assertThat(((LocalTarget) target).cwd()).isEqualTo(Path.of("/srv/app"));
	}

	@Test
	void sshAcceptsUserHostPortAndQueryOptions() {
		Target target = this.factory.create(new TargetDefinition("db",
				"ssh://deploy@db1.example:2222?identity=~/.ssh/deploy&proxy-jump=bastion", Map.of()));
		assertThat(target).isInstanceOf(SshTarget.class);
		assertThat(target.name()).isEqualTo("db");
	}

	@Test
	void theUriMayComeFromTheOptions() {
		Target target = this.factory.create(new TargetDefinition("web", null, Map.of("uri", "docker://web")));
		assertThat(target).isInstanceOf(DockerTarget.class);
		assertThat(target.uri()).isEqualTo("docker://web");
	}

	@Test
	void dockerImageNamesKeepTheirRegistryPathAndTag() {
		Target target = this.factory.create(new TargetDefinition("t", "docker+image://runbook-test/bash:1", Map.of()));
		assertThat(target).isInstanceOf(DockerTarget.class);
	}

	@Test
	void anUnknownSchemeIsRejectedNamingTargetAndUri() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.create(new TargetDefinition("prod", "ftp://db1", Map.of())))
			.withMessageContaining("target 'prod'")
			.withMessageContaining("'ftp://db1'")
			.withMessageNotContaining("\n");
	}

	@Test
	void aBadPortIsRejectedNamingTheUri() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.create(new TargetDefinition("db", "ssh://root@db1:http", Map.of())))
			.withMessageContaining("'ssh://root@db1:http'")
			.withMessageContaining("bad port");
	}

	@Test
	void aBadKeepAliveIsRejectedNamingTargetUriAndOption() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.create(new TargetDefinition("web", "docker://web", Map.of("keep-alive", "0"))))
			.withMessageContaining("target 'web'")
			.withMessageContaining("'docker://web'")
			.withMessageContaining("keep-alive must be a whole number");
	}

	@Test
	void anEmptyContainerNameIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.create(new TargetDefinition("c", "docker://", Map.of())))
			.withMessageContaining("'docker://'");
	}

}
