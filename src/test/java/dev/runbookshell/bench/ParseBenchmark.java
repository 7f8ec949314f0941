package dev.runbookshell.bench;

import java.util.Arrays;

import dev.runbookshell.runbook.Runbook;
import dev.runbookshell.runbook.RunbookParser;

/**
 * Times {@link RunbookParser} on a generated runbook of N executable blocks (default 10,000): warm-up rounds,
 * then the median of the measured rounds. Run by {@code bench/parse/run.sh}; goal (issue 15): median <= 100 ms.
 */
public final class ParseBenchmark {

	private ParseBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 21;
		String source = generate(blocks);
		RunbookParser parser = new RunbookParser();
		for (int i = 0; i < warmup; i++) {
			parser.parse("bench.md", source);
		}
		long[] millis = new long[rounds];
		long[] cpuMillis = new long[rounds];
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		Runbook last = null;
		for (int i = 0; i < rounds; i++) {
			long cpuStart = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			last = parser.parse("bench.md", source);
			millis[i] = (System.nanoTime() - start) / 1_000_000;
			cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
		}
		Arrays.sort(millis);
		Arrays.sort(cpuMillis);
		if (last.executableBlocks().size() != blocks + 1) { // + the rollback block
			throw new IllegalStateException("expected " + blocks + " blocks, parsed " + last.executableBlocks().size());
		}
		System.out.printf("parse %d blocks (%d KiB, %d lines): median %d ms wall (min %d, max %d), median %d ms CPU, "
				+ "%d rounds after %d warm-up%n", blocks, source.length() / 1024, source.lines().count(), millis[rounds / 2],
				millis[0], millis[rounds - 1], cpuMillis[rounds / 2], rounds, warmup);
	}

	/** A realistic mix: front matter, nested headings, prose, checklists, annotated blocks, variables. */
	public static String generate(int blocks) {
		StringBuilder md = new StringBuilder("""
				---
				title: Generated benchmark runbook
				variables:
				  HOST: db1
				timeout: 5m
				---

				# Generated benchmark runbook

				""");
		for (int i = 0; i < blocks; i++) {
			if (i % 20 == 0) {
				md.append("## Phase ").append(i / 20).append("\n\nProse about the phase, with `code` and **bold**.\n\n");
				md.append("- [ ] Phase ").append(i / 20).append(" announced\n- [x] Backup checked\n\n");
			}
			if (i % 5 == 0) {
				md.append("### Step ").append(i).append("\n\n");
			}
			md.append("```bash {name=step-").append(i).append(" timeout=30s}\n")
				.append("export STEP_").append(i).append("=done\n")
				.append("cd /srv/app && ls -la \"$HOST\" | grep '^d' # list\n")
				.append("curl -fsS http://<host>:8080/health\n")
				.append("# Should show: ok\n")
				.append("```\n\n");
		}
		md.append("## Rollback\n\n```bash\necho undo\n```\n");
		return md.toString();
	}

}
