package dev.runbookshell.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

import dev.runbookshell.testsupport.DockerTestEngine;
import dev.runbookshell.testsupport.OpenSshServerExtension;
import dev.runbookshell.testsupport.Poll;

/**
 * The crash test of issue 10: a run of N blocks, each writing {@code start i} and {@code end i} to a log on the
 * target around a short sleep, is killed (SIGKILL) at random moments and resumed with {@code --resume --yes}
 * until it finishes. From the target's log and the journal it counts: blocks that ran to their end twice, blocks
 * that ran while an earlier copy (an orphan) was still running, blocks that ended on the target without the
 * journal knowing (events lost), broken hash chains, and resumes that finished. {@link CrashResumeIT} runs a short
 * budget; {@code bench/crash/run} a long one ({@link #main}).
 */
public final class CrashRounds {

	private static final ObjectMapper JSON = new ObjectMapper();

	private CrashRounds() {
	}

	/**
	 * What one transport's rounds showed.
	 *
	 * @param kills how many times the tool was killed
	 * @param resumesFinished resumes that ran to the end of the runbook by themselves
	 * @param runTwice blocks whose end the target logged more than once
	 * @param concurrent blocks that started while another copy had started and not yet ended, and then ended
	 * @param lost blocks the target logged as ended that the journal never records as finished
	 * @param brokenChains journals whose hash chain did not verify
	 * @param rerun blocks started more than once (a killed copy then a new one: expected, not a fault)
	 */
	public record Figures(int kills, int resumesFinished, int runTwice, int concurrent, int lost, int brokenChains,
			int rerun) {

		Figures plus(Figures other) {
			return new Figures(this.kills + other.kills, this.resumesFinished + other.resumesFinished,
					this.runTwice + other.runTwice, this.concurrent + other.concurrent, this.lost + other.lost,
					this.brokenChains + other.brokenChains, this.rerun + other.rerun);
		}

		public String row(String transport) {
			return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d |", transport, this.kills,
					this.resumesFinished, this.runTwice, this.concurrent, this.lost, this.brokenChains, this.rerun);
		}

	}

	/** Where the runbook runs and how its processes and log are seen from here. */
	public interface Transport {

		/** Front matter the runbook needs for this target ("" when none). */
		String frontMatter();

		/** The {@code --target} value. */
		String target();

		/** The log file's path as the blocks write it. */
		String logPath();

		/** The log's text, "" before it exists. */
		String readLog() throws Exception;

		/** Processes whose command line contains {@code text}, seen on the target. */
		boolean hasProcess(String text) throws Exception;

		/** Waits until a process matching {@code text} is there ({@code present}) or gone. */
		default boolean awaitProcesses(String text, boolean present, Duration timeout) throws Exception {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				if (hasProcess(text) == present) {
					return true;
				}
				Thread.sleep(Poll.MILLIS);
			}
			return hasProcess(text) == present;
		}

		/** This machine: the log in {@code dir}. */
		static Transport local(Path dir) {
			return new HostTransport("", "local", dir.resolve("crash.log"));
		}

		/** The test's sshd on loopback: it shares this machine, so its processes and the log are seen here. */
		static Transport ssh(Path dir, OpenSshServerExtension sshd) {
			String frontMatter = """
					---
					targets:
					  srv:
					    uri: "%s"
					    identity: "%s"
					    known-hosts: "%s"
					---
					""".formatted(sshd.uri(), sshd.clientKey(), sshd.knownHosts());
			return new HostTransport(frontMatter, "srv", dir.resolve("crash.log"));
		}

		/** A running container: its processes and log through docker exec. */
		static Transport docker(DockerTestEngine docker, String container) {
			return new ContainerTransport(docker, container);
		}

	}

	private record HostTransport(String frontMatter, String target, Path log) implements Transport {

		@Override
		public String logPath() {
			return this.log.toString();
		}

		@Override
		public String readLog() throws IOException {
			return Files.exists(this.log) ? Files.readString(this.log) : "";
		}

		@Override
		public boolean hasProcess(String text) {
			return ProcessHandle.allProcesses()
				.anyMatch(p -> p.info().commandLine().map(line -> line.contains(text)).orElse(false));
		}

	}

	private record ContainerTransport(DockerTestEngine docker, String container) implements Transport {

		@Override
		public String frontMatter() {
			return "";
		}

		@Override
		public String target() {
			return "docker://" + this.container;
		}

		@Override
		public String logPath() {
			return "/tmp/crash.log";
		}

		@Override
		public String readLog() throws Exception {
			return exec("cat /tmp/crash.log 2>/dev/null || true");
		}

		@Override
		public boolean hasProcess(String text) throws Exception {
			// every process's command line, one per line (busybox has no pgrep -f)
			String lines = exec("for f in /proc/[0-9]*/cmdline; do tr '\\0' ' ' < \"$f\" 2>/dev/null; echo; done");
			return lines.lines().anyMatch(line -> line.contains(text) && !line.contains("/proc/"));
		}

		private String exec(String script) throws Exception {
			var client = this.docker.engine().client();
			String id = client.execCreateCmd(this.container).withAttachStdout(true).withCmd("sh", "-c", script).exec()
				.getId();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ResultCallback.Adapter<Frame> done = client.execStartCmd(id).exec(new ResultCallback.Adapter<>() {
				@Override
				public void onNext(Frame frame) {
					synchronized (out) {
						out.writeBytes(frame.getPayload());
					}
				}
			})) {
				done.awaitCompletion(20, TimeUnit.SECONDS);
			}
			synchronized (out) {
				return out.toString(StandardCharsets.UTF_8);
			}
		}

	}

	/**
	 * Runs {@code rounds} crash rounds, each in a folder of its own under {@code dir} with the transport made for
	 * it (a log in that folder where the target shares this machine).
	 * @param blocks blocks per runbook
	 * @param kills kill -9 per round, at random moments
	 */
	public static Figures run(Path dir, int rounds, java.util.function.Function<Path, Transport> transport,
			int blocks, int kills, long seed) throws Exception {
		Random random = new Random(seed);
		Figures total = new Figures(0, 0, 0, 0, 0, 0, 0);
		for (int round = 0; round < rounds; round++) {
			Path folder = Files.createDirectories(dir.resolve("round-" + round));
			total = total.plus(round(transport.apply(folder), folder, blocks, kills, random, round));
		}
		return total;
	}

	private static Figures round(Transport transport, Path dir, int blocks, int kills, Random random, int round)
			throws Exception {
		String tag = "r" + round + "-" + Long.toHexString(random.nextLong() & 0xffffff);
		// The round's sleeps end in these digits (0.30 s becomes 0.3012345 s), so the target's process list tells
		// whether a block of this round still runs.
		String mark = "0" + (10000 + random.nextInt(90000));
		StringBuilder plan = new StringBuilder(transport.frontMatter()).append("# Crash\n");
		for (int i = 1; i <= blocks; i++) {
			plan.append("\n## Step ").append(i).append("\n\n```bash {name=step-").append(i).append("}\n")
				.append("echo \"start ").append(tag).append(' ').append(i).append("\" >> ").append(transport.logPath())
				.append("\nsleep 0.").append(2 + random.nextInt(5)).append(mark).append("\necho \"end ").append(tag).append(' ')
				.append(i).append("\" >> ").append(transport.logPath()).append("\n```\n");
		}
		Files.writeString(dir.resolve("plan.md"), plan);
		Path logs = dir.resolve("logs");
		Path journal = null;
		int killed = 0;
		int finished = 0;
		for (int attempt = 0; attempt < kills + 8 && finished == 0; attempt++) {
			List<String> args = new ArrayList<>(List.of("run", "plan.md", "--target", transport.target(), "--yes",
					"--log-dir", "logs"));
			if (journal != null) {
				args.addAll(List.of("--resume", journal.toString()));
				// a killed block is unknown; once the tool asks before running one again, this run says yes
				if (rerunUnknownFlag(dir)) {
					args.add("--rerun-unknown");
				}
			}
			Process tool = RunbookCli.start(dir, args.toArray(String[]::new));
			if (killed < kills) {
				// A kill only once the run is under way (a journal with a started block), at a random moment after.
				journal = awaitJournalLine(logs, "\"block-started\"", "", Duration.ofSeconds(60), tool);
				if (tool.isAlive()) {
					tool.waitFor(200 + random.nextInt(2500), TimeUnit.MILLISECONDS);
				}
				if (tool.isAlive()) {
					tool.destroyForcibly();
					tool.waitFor(10, TimeUnit.SECONDS);
					killed++;
					continue;
				}
			}
			if (!tool.waitFor(120, TimeUnit.SECONDS)) {
				tool.destroyForcibly();
				throw new AssertionError("a resume did not end within 120 s: " + Files.readString(dir.resolve(".stdout")));
			}
			journal = journal == null ? RunbookCli.journal(logs) : journal;
			if (tool.exitValue() == 0) {
				finished = 1;
			}
		}
		// A killed run's watchdog may still be stopping its block: wait for it, before reading the target's log.
		transport.awaitProcesses(mark, false, Duration.ofSeconds(30));
		return count(transport.readLog(), tag, journal, dir, killed, finished);
	}

	private static Figures count(String log, String tag, Path journal, Path dir, int kills, int finished)
			throws Exception {
		Map<String, Integer> ends = new HashMap<>();
		Map<String, Integer> starts = new HashMap<>();
		// Each end closes the oldest open start of its block; a start that never ends was a killed copy.
		Map<String, java.util.ArrayDeque<Integer>> open = new HashMap<>();
		List<int[]> intervals = new ArrayList<>();
		List<String> owners = new ArrayList<>();
		List<String> lines = log.lines().toList();
		for (int at = 0; at < lines.size(); at++) {
			String[] parts = lines.get(at).split(" ");
			if (parts.length != 3 || !parts[1].equals(tag)) {
				continue;
			}
			String block = parts[2];
			if (parts[0].equals("start")) {
				starts.merge(block, 1, Integer::sum);
				open.computeIfAbsent(block, k -> new java.util.ArrayDeque<>()).add(at);
			}
			else {
				ends.merge(block, 1, Integer::sum);
				Integer start = open.getOrDefault(block, new java.util.ArrayDeque<>()).poll();
				intervals.add(new int[] { start == null ? at : start, at });
				owners.add(block);
			}
		}
		// A copy that ran to its end while another copy (of any block) also ran: two things at once on the target.
		Set<String> concurrent = new HashSet<>();
		for (int a = 0; a < intervals.size(); a++) {
			for (int b = 0; b < intervals.size(); b++) {
				if (a != b && intervals.get(a)[0] < intervals.get(b)[0] && intervals.get(b)[0] < intervals.get(a)[1]) {
					concurrent.add(owners.get(a));
					concurrent.add(owners.get(b));
				}
			}
		}
		int runTwice = (int) ends.values().stream().filter(n -> n > 1).count();
		int rerun = (int) starts.values().stream().filter(n -> n > 1).count();
		Set<String> recorded = new HashSet<>();
		for (String line : Files.readAllLines(journal)) {
			JsonNode event = JSON.readTree(line);
			if (event.path("type").asText().equals("block-finished")
					&& !event.path("status").asText().equals("unknown")) {
				recorded.add(event.path("block").path("name").asText().replace("step-", ""));
			}
		}
		int lost = (int) ends.keySet().stream().filter(block -> !recorded.contains(block)).count();
		RunbookCli.Result report = RunbookCli.run(dir, Duration.ofSeconds(60), "report", journal.toString(), "--format",
				"md");
		int broken = report.exitCode() == 0 && report.stdout().contains("hash chain verified") ? 0 : 1;
		return new Figures(kills, finished, runTwice, concurrent.size(), lost, broken, rerun);
	}

	private static Boolean rerunUnknown;

	/** Whether this build has {@code --rerun-unknown} (an unattended resume then no longer re-runs unknown blocks). */
	private static synchronized boolean rerunUnknownFlag(Path dir) throws Exception {
		if (rerunUnknown == null) {
			RunbookCli.Result help = RunbookCli.run(dir, Duration.ofSeconds(60), "help", "run");
			rerunUnknown = help.all().contains("--rerun-unknown");
		}
		return rerunUnknown;
	}

	/** Waits for a journal under {@code logs} with a line containing both texts; returns it. */
	static Path awaitJournalLine(Path logs, String text, String also, Duration timeout) throws Exception {
		return awaitJournalLine(logs, text, also, timeout, null);
	}

	private static Path awaitJournalLine(Path logs, String text, String also, Duration timeout, Process tool)
			throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.isDirectory(logs)) {
				try (var files = Files.list(logs)) {
					for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
						if (Files.readAllLines(file).stream().anyMatch(l -> l.contains(text) && l.contains(also))) {
							return file;
						}
					}
				}
			}
			if (tool != null && !tool.isAlive()) {
				return RunbookCli.journal(logs);
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no " + text + " " + also + " in " + logs + " within " + timeout);
	}

	/**
	 * {@code bench/crash/run}: rounds per transport (local, SSH, Docker), printed as a Markdown table.
	 * Arguments: rounds, blocks, kills per round, seed.
	 */
	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
		int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 50;
		int kills = args.length > 2 ? Integer.parseInt(args[2]) : 5;
		long seed = args.length > 3 ? Long.parseLong(args[3]) : System.nanoTime();
		Path dir = Files.createTempDirectory("crash-bench");
		System.out.println("Crash rounds: " + rounds + " per transport, " + blocks + " blocks, " + kills
				+ " kill -9 each, seed " + seed + "\n");
		System.out.println("| transport | kills | resumes finished | run twice | concurrent with an orphan | events lost"
				+ " | broken chains | re-run after a kill |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		System.out.println(run(dir.resolve("local"), rounds, Transport::local, blocks, kills, seed).row("local"));
		OpenSshServerExtension sshd = new OpenSshServerExtension();
		sshd.start();
		try {
			System.out.println(run(dir.resolve("ssh"), rounds, r -> Transport.ssh(r, sshd), blocks, kills, seed)
				.row("ssh"));
		}
		finally {
			sshd.stop();
		}
		try (DockerTestEngine docker = DockerTestEngine.require()) {
			String container = docker.startContainer(DockerTestEngine.BASH_IMAGE);
			try {
				System.out.println(run(dir.resolve("docker"), rounds, r -> Transport.docker(docker, container), blocks,
						kills, seed).row("docker"));
			}
			finally {
				docker.remove(container);
			}
		}
	}

}
