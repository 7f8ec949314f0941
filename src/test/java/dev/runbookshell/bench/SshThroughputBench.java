package dev.runbookshell.bench;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.management.OperatingSystemMXBean;

import dev.runbookshell.targets.ExecRequest;
import dev.runbookshell.targets.OutputSink;
import dev.runbookshell.targets.TargetDefinition;
import dev.runbookshell.targets.TargetFactory;
import dev.runbookshell.targets.TargetPrompts;
import dev.runbookshell.targets.TargetSession;
import dev.runbookshell.testsupport.OpenSshServerExtension;

/**
 * SSH output throughput only, for profiling: the SSH target streaming a block's output into a file (round 1 is
 * the cold JVM, as in TargetBench), with the JVM's CPU per GiB (steadier than wall time when other work shares
 * the machine), next to the OpenSSH client reading the same output over the same sshd into /dev/null, its login
 * time subtracted: the ceiling on this machine. Not a test: run by bench/targets/ssh-throughput.
 */
public final class SshThroughputBench {

	private static final long OUTPUT_BYTES = Long.getLong("bench.outputBytes", 500L * 1024 * 1024);

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

	private static final String CIPHER = System.getProperty("bench.cipher", "aes128-gcm@openssh.com");

	private static final OperatingSystemMXBean CPU = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final double MIB = 1024.0 * 1024;

	private SshThroughputBench() {
	}

	public static void main(String[] args) throws Exception {
		// e.g. "Ciphers aes128-ctr;MACs hmac-sha1" to measure what a server without AES-GCM gets
		String sshdConfig = System.getProperty("bench.sshdConfig", "");
		OpenSshServerExtension sshd = new OpenSshServerExtension(
				sshdConfig.isBlank() ? new String[0] : sshdConfig.split(";"));
		sshd.start();
		List<String> target = new ArrayList<>();
		List<String> cpu = new ArrayList<>();
		List<String> discarded = new ArrayList<>();
		List<String> openssh = new ArrayList<>();
		try (TargetSession session = new TargetFactory()
			.create(new TargetDefinition("ssh", sshd.uri(), sshd.options()))
			.open(TargetPrompts.refusing())) {
			for (int round = 0; round < ROUNDS; round++) {
				long cpu0 = CPU.getProcessCpuTime();
				target.add(String.format("%.0f", toFile(session)));
				cpu.add(String.format("%.0f", (CPU.getProcessCpuTime() - cpu0) / 1e6 / (OUTPUT_BYTES / MIB) * 1024));
				discarded.add(String.format("%.0f", discarded(session)));
				openssh.add(String.format("%.0f", openSsh(sshd)));
			}
		}
		finally {
			sshd.stop();
		}
		System.out.println("ssh target into a file, MiB/s per round: " + target);
		System.out.println("ssh target, JVM CPU ms per GiB per round: " + cpu);
		System.out.println("ssh target into OutputSink.DISCARD, MiB/s per round: " + discarded);
		System.out.println("OpenSSH client -c " + CIPHER + " into /dev/null, login subtracted, MiB/s per round: "
				+ openssh);
	}

	private static double toFile(TargetSession session) throws Exception {
		Path file = Files.createTempFile("runbook-bench", ".out");
		try (OutputStream out = new BufferedOutputStream(new FileOutputStream(file.toFile()), 1 << 16)) {
			long t0 = System.nanoTime();
			session.execute(ExecRequest.of("volume", "head -c " + OUTPUT_BYTES + " /dev/zero"), new StdoutToFile(out));
			out.flush();
			return Files.size(file) / MIB / ((System.nanoTime() - t0) / 1e9);
		}
		finally {
			Files.delete(file);
		}
	}

	private static double discarded(TargetSession session) throws Exception {
		long t0 = System.nanoTime();
		session.execute(ExecRequest.of("volume", "head -c " + OUTPUT_BYTES + " /dev/zero"), OutputSink.DISCARD);
		return OUTPUT_BYTES / MIB / ((System.nanoTime() - t0) / 1e9);
	}

	/** {@code ssh host 'head -c N /dev/zero' > /dev/null}, less the time of {@code ssh host true}. */
	private static double openSsh(OpenSshServerExtension sshd) throws IOException, InterruptedException {
		double login = seconds(sshd, "true");
		return OUTPUT_BYTES / MIB / (seconds(sshd, "head -c " + OUTPUT_BYTES + " /dev/zero") - login);
	}

	private static double seconds(OpenSshServerExtension sshd, String command) throws IOException, InterruptedException {
		long t0 = System.nanoTime();
		Process ssh = new ProcessBuilder("ssh", "-i", sshd.clientKey().toString(), "-o",
				"UserKnownHostsFile=" + sshd.knownHosts(), "-o", "BatchMode=yes", "-c", CIPHER, "-p",
				Integer.toString(sshd.port()), sshd.user() + "@127.0.0.1", command)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!ssh.waitFor(120, TimeUnit.SECONDS) || ssh.exitValue() != 0) {
			ssh.destroyForcibly();
			throw new IOException("ssh failed: " + command);
		}
		return (System.nanoTime() - t0) / 1e9;
	}

}
