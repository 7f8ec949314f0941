package dev.runbookshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.testsupport.DockerTestEngine;
import dev.runbookshell.testsupport.OpenSshServerExtension;

/**
 * The crash test of issue 10 on a short budget (one round of 12 blocks and 3 kill -9 per transport; the long one
 * is {@code bench/crash/run}): no block runs twice, none beside an orphan, no event is lost, every round's resume
 * finishes.
 */
class CrashResumeIT {

	@RegisterExtension
	static final OpenSshServerExtension SSHD = new OpenSshServerExtension();

	private static final int BLOCKS = 12;

	private static final int KILLS = 3;

	@TempDir
	Path dir;

	@Test
	void local() throws Exception {
		assertClean(CrashRounds.run(this.dir, 1, CrashRounds.Transport::local, BLOCKS, KILLS, 11));
	}

	@Test
	void ssh() throws Exception {
		assertClean(CrashRounds.run(this.dir, 1, folder -> CrashRounds.Transport.ssh(folder, SSHD), BLOCKS, KILLS, 12));
	}

	@Test
	void docker() throws Exception {
		try (DockerTestEngine docker = DockerTestEngine.require()) {
			String container = docker.startContainer(DockerTestEngine.BASH_IMAGE);
			try {
				assertClean(CrashRounds.run(this.dir, 1, folder -> CrashRounds.Transport.docker(docker, container),
						BLOCKS, KILLS, 13));
			}
			finally {
				docker.remove(container);
			}
		}
	}

	private static void assertClean(CrashRounds.Figures figures) {
		assertThat(figures.kills()).as("kills").isEqualTo(KILLS);
		assertThat(figures.runTwice()).as("blocks run twice: " + figures).isZero();
		assertThat(figures.concurrent()).as("blocks run beside an orphan: " + figures).isZero();
		assertThat(figures.lost()).as("blocks the journal lost: " + figures).isZero();
		assertThat(figures.brokenChains()).as("broken hash chains: " + figures).isZero();
		assertThat(figures.resumesFinished()).as("resumes finished: " + figures).isEqualTo(1);
	}

}
