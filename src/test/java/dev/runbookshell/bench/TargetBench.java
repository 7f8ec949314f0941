package dev.runbookshell.bench;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.runbookshell.targets.ExecRequest;
import dev.runbookshell.targets.OutputSink;
import dev.runbookshell.targets.Target;
import dev.runbookshell.targets.TargetDefinition;
import dev.runbookshell.targets.TargetFactory;
import dev.runbookshell.targets.TargetPrompts;
import dev.runbookshell.targets.TargetSession;
import dev.runbookshell.testsupport.DockerTestEngine;
import dev.runbookshell.testsupport.OpenSshServerExtension;

/**
 * Per-block overhead and output throughput of each transport, next to the anchors measured in the same run
 * (a process, an ssh login, a docker exec per block). Not a test: run by bench/targets/run. Prints a Markdown table.
 */
public final class TargetBench {

	private static final int BLOCKS = Integer.getInteger("bench.blocks", 500);

	private static final int ANCHOR_RUNS = Integer.getInteger("bench.anchorRuns", 20);

	private static final long OUTPUT_BYTES = Long.getLong("bench.outputBytes", 500L * 1024 * 1024);

	private TargetBench() {
	}

	public static void main(String[] args) throws Exception {
		OpenSshServerExtension sshd = new OpenSshServerExtension();
		sshd.start();
		DockerTestEngine docker = DockerTestEngine.require();
		String container = docker.startContainer(DockerTestEngine.BASH_IMAGE);
		List<String> rows = new ArrayList<>();
		String ansible;
		try {
			Map<String, String> sshOptions = sshd.options();
			rows.add(measure("local", new TargetDefinition("local", "local", Map.of()),
					List.of("bash", "-c", "true")));
			rows.add(measure("ssh (loopback sshd)", new TargetDefinition("ssh", sshd.uri(), sshOptions),
					List.of("ssh", "-i", sshd.clientKey().toString(), "-o", "UserKnownHostsFile=" + sshd.knownHosts(),
							"-o", "BatchMode=yes", "-p", Integer.toString(sshd.port()), sshd.user() + "@127.0.0.1", "true")));
			rows.add(measure("docker exec (bash image)", new TargetDefinition("docker", "docker://" + container, Map.of()),
					List.of("docker", "exec", container, "true")));
			ansible = ansible(sshd);
		}
		finally {
			docker.remove(container);
			docker.close();
			sshd.stop();
		}
		System.out.println();
		System.out.println("| transport | per block (" + BLOCKS + " x `true`) | anchor per block (" + ANCHOR_RUNS
				+ " runs) | output to file (" + OUTPUT_BYTES / (1024 * 1024) + " MiB) | peak heap |");
		System.out.println("|---|---|---|---|---|");
		rows.forEach(System.out::println);
		System.out.println();
		System.out.println("anchors: local = `bash -c true` spawned per block; ssh = `ssh host true` (OpenSSH client) per "
				+ "block; docker = `docker exec c true` per block. Ansible: " + ansible + ". Load average at end: "
				+ Files.readString(Path.of("/proc/loadavg")).strip() + ", " + Runtime.getRuntime().availableProcessors()
				+ " CPUs.");
	}

	private static String measure(String label, TargetDefinition definition, List<String> anchor) throws Exception {
		Target target = new TargetFactory().create(definition);
		double perBlockMillis;
		double mibPerSecond;
		long peakHeap;
		try (TargetSession session = target.open(TargetPrompts.refusing())) {
			for (int i = 0; i < 50; i++) {
				session.execute(ExecRequest.of("warm-up", "true"), OutputSink.DISCARD);
			}
			long start = System.nanoTime();
			for (int i = 0; i < BLOCKS; i++) {
				session.execute(ExecRequest.of("trivial", "true"), OutputSink.DISCARD);
			}
			perBlockMillis = (System.nanoTime() - start) / 1e6 / BLOCKS;
			Path file = Files.createTempFile("runbook-bench", ".out");
			resetPeaks();
			try (OutputStream out = new BufferedOutputStream(new FileOutputStream(file.toFile()), 1 << 16)) {
				long t0 = System.nanoTime();
				session.execute(ExecRequest.of("volume", "head -c " + OUTPUT_BYTES + " /dev/zero"), new StdoutToFile(out));
				out.flush();
				mibPerSecond = Files.size(file) / (1024.0 * 1024) / ((System.nanoTime() - t0) / 1e9);
			}
			peakHeap = peakHeapBytes();
			Files.delete(file);
		}
		double anchorMillis = anchorMillis(anchor);
		return String.format("| %s | %.3f ms | %.1f ms | %.0f MiB/s | %d MiB |", label, perBlockMillis, anchorMillis,
				mibPerSecond, peakHeap / (1024 * 1024));
	}

	private static double anchorMillis(List<String> command) throws IOException, InterruptedException {
		long start = System.nanoTime();
		for (int i = 0; i < ANCHOR_RUNS; i++) {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IOException("anchor failed: " + String.join(" ", command));
			}
		}
		return (System.nanoTime() - start) / 1e6 / ANCHOR_RUNS;
	}

	private static String ansible(OpenSshServerExtension sshd) throws IOException, InterruptedException {
		if (!AnsibleAnchor.installed()) {
			return "not installed (Debian's `ansible`), skipped";
		}
		int tasks = Integer.getInteger("bench.ansibleTasks", 20);
		return String.format("%.0f ms per `command: true` task over SSH to the same sshd (%d tasks, start-up and "
				+ "login taken out)", AnsibleAnchor.millisPerTask(sshd, tasks), tasks);
	}

	private static void resetPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeapBytes() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}

}
