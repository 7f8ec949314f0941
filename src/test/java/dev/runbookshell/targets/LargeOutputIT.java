package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.runbookshell.testsupport.ChildJvm;
import dev.runbookshell.testsupport.DockerTestEngine;
import dev.runbookshell.testsupport.OpenSshServerExtension;

/** 200 MB of output reaches the sink in full through a 256 MB heap: it is streamed, never held. */
class LargeOutputIT {

	private static final long BYTES = 200_000_000L;

	@RegisterExtension
	static final OpenSshServerExtension SSHD = new OpenSshServerExtension();

	private static DockerTestEngine docker;

	@AfterAll
	static void closeDocker() {
		if (docker != null) {
			docker.close();
		}
	}

	@Test
	void twoHundredMegabytesStreamLocally() throws Exception {
		assertStreamed("local", List.of());
	}

	@Test
	void twoHundredMegabytesStreamOverSsh() throws Exception {
		List<String> options = new ArrayList<>();
		SSHD.options().forEach((key, value) -> options.add(key + "=" + value));
		assertStreamed(SSHD.uri(), options);
	}

	@Test
	void twoHundredMegabytesStreamFromADockerContainer() throws Exception {
		docker = DockerTestEngine.require();
		String container = docker.startContainer(DockerTestEngine.BUSYBOX_IMAGE);
		try {
			assertStreamed("docker://" + container, List.of());
		}
		finally {
			docker.remove(container);
		}
	}

	private static void assertStreamed(String uri, List<String> options) throws Exception {
		List<String> args = new ArrayList<>(List.of(Long.toString(BYTES), uri));
		args.addAll(options);
		String printed = ChildJvm.run("256m", OutputVolumeProbe.class, args, 120);
		assertThat(printed).contains("bytes=" + BYTES + " outcome=COMPLETED").endsWith("exit=0");
	}

}
