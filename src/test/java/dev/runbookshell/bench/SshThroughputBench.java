package dev.runbookshell.bench;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.runbookshell.target.ExecRequest;
import dev.runbookshell.target.OutputSink;
import dev.runbookshell.target.TargetDefinition;
import dev.runbookshell.target.TargetFactory;
import dev.runbookshell.target.TargetPrompts;
import dev.runbookshell.target.TargetSession;
import dev.runbookshell.testsupport.OpenSshServerExtension;

/**
 * SSH output throughput only, for profiling: the SSH target streaming a block's output into a file, next to the
 * OpenSSH client doing the same over the same sshd (the ceiling on this machine). Not a test: run by
 * bench/targets/ssh-throughput.
 */
public final class SshThroughputBench {

	private static final long OUTPUT_BYTES = Long.getLong("bench.outputBytes", 500L * 1024 * 1024);

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

	private static final com.sun.management.OperatingSystemMXBean CPU = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final List<String> CPU_MILLIS_PER_GIB = new ArrayList<>();

	private SshThroughputBench() {
	}

	public static void main(String[] args) throws Exception {
		OpenSshServerExtension sshd = new OpenSshServerExtension();
		sshd.start();
		List<String> target = new ArrayList<>();
		List<String> openssh = new ArrayList<>();
		try (TargetSession session = new TargetFactory()
			.create(new TargetDefinition("ssh", sshd.uri(), sshd.options()))
			.open(TargetPrompts.refusing())) {
			for (int round = 0; round < ROUNDS; round++) {
				target.add(String.format("%.0f", throughput(session)));
				openssh.add(String.format("%.0f", openSsh(sshd)));
			}
		}
		finally {
			sshd.stop();
		}
		System.out.println("ssh target, MiB/s per round: " + target);
		System.out.println("ssh target, JVM CPU ms per GiB per round: " + CPU_MILLIS_PER_GIB);
		System.out.println("OpenSSH client (" + System.getProperty("bench.cipher", "aes128-gcm@openssh.com")
				+ "), MiB/s per round: " + openssh);
	}

	private static double throughput(TargetSession session) throws Exception {
		Path file = Files.createTempFile("runbook-bench", ".out");
		try (OutputStream out = new BufferedOutputStream(new FileOutputStream(file.toFile()), 1 << 16)) {
			long t0 = System.nanoTime();
			long cpu0 = CPU.getProcessCpuTime();
			session.execute(ExecRequest.of("volume", "head -c " + OUTPUT_BYTES + " /dev/zero"), new FileSink(out));
			out.flush();
			double mib = Files.size(file) / (1024.0 * 1024);
			CPU_MILLIS_PER_GIB.add(String.format("%.0f", (CPU.getProcessCpuTime() - cpu0) / 1e6 / mib * 1024));
			return mib / ((System.nanoTime() - t0) / 1e9);
		}
		finally {
			Files.delete(file);
		}
	}

	/** The OpenSSH client reading the same output into a file. */
	private static double openSsh(OpenSshServerExtension sshd) throws IOException, InterruptedException {
		Path file = Files.createTempFile("runbook-bench", ".out");
		try {
			long t0 = System.nanoTime();
			Process ssh = new ProcessBuilder("ssh", "-i", sshd.clientKey().toString(), "-o",
					"UserKnownHostsFile=" + sshd.knownHosts(), "-o", "BatchMode=yes", "-c",
					System.getProperty("bench.cipher", "aes128-gcm@openssh.com"), "-p", Integer.toString(sshd.port()),
					sshd.user() + "@127.0.0.1", "head -c " + OUTPUT_BYTES + " /dev/zero")
				.redirectOutput(file.toFile())
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			try (InputStream ignored = ssh.getInputStream()) {
				if (!ssh.waitFor(120, TimeUnit.SECONDS) || ssh.exitValue() != 0) {
					ssh.destroyForcibly();
					throw new IOException("ssh failed");
				}
			}
			return Files.size(file) / (1024.0 * 1024) / ((System.nanoTime() - t0) / 1e9);
		}
		finally {
			Files.delete(file);
		}
	}

	private record FileSink(OutputStream out) implements OutputSink {

		@Override
		public void stdout(byte[] buffer, int offset, int length) {
			try {
				this.out.write(buffer, offset, length);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void stderr(byte[] buffer, int offset, int length) {
		}

	}

}
