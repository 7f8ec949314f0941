package dev.runbookshell.targets.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import org.junit.jupiter.api.Test;

class SshAlgorithmPreferenceTest {

	private final DefaultConfig sshj = new DefaultConfig();

	@Test
	void onlyOpenSshsDefaultCiphersAreOfferedAesGcmFirst() {
		List<String> offered = names(JdkAesCiphers.preferred(this.sshj.getCipherFactories()));
		assertThat(offered).startsWith("aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes192-ctr",
				"aes256-ctr");
		assertThat(offered).isSubsetOf(names(this.sshj.getCipherFactories()))
			.noneMatch(name -> name.contains("cbc") || name.contains("arcfour") || name.contains("blowfish"));
	}

	@Test
	void onlyOpenSshsDefaultMacsAreOfferedEncryptThenMacSha2First() {
		List<String> offered = names(JdkMacs.preferred(this.sshj.getMACFactories()));
		assertThat(offered).containsExactly("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
				"hmac-sha1-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1");
	}

	private static <T> List<String> names(List<Factory.Named<T>> factories) {
		return factories.stream().map(Factory.Named::getName).toList();
	}

}
