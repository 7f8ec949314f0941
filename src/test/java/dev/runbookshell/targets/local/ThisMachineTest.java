package dev.runbookshell.targets.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ThisMachineTest {

	@Test
	void theHostNameIsHostnameFromTheEnvironmentElseTheKernels() throws Exception {
		String env = System.getenv("HOSTNAME");
		String expected = env != null && !env.isBlank() ? env.trim()
				: Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
		assertThat(ThisMachine.hostName()).isEqualTo(expected).isNotBlank();
	}

}
