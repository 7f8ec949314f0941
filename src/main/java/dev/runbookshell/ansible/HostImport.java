package dev.runbookshell.ansible;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.runbookshell.ansible.AnsibleResults.HostResult;
import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.CheckState;
import dev.runbookshell.journal.DecisionChoice;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.ExpectationResult;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalWriter;
import dev.runbookshell.journal.OutputCapture;
import dev.runbookshell.journal.SecretMasker;
import dev.runbookshell.journal.SessionStatus;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.ChecklistItem;
import dev.runbookshell.runbook.Expectation;
import dev.runbookshell.session.RiskDetector;

/**
 * One host's journal, written from Ansible's results the way a session writes its own: a decision, the block's
 * start, what runbook-shell's task script said on stderr (failed commands, a shell that ended) as notes, and
 * the block's end with its status, exit code, duration, output and expectations; checklist answers; the end of
 * the session with its counts. Every event carries the time Ansible reported, not the time of the import.
 */
final class HostImport implements AutoCloseable {

	private static final Pattern DELTA = Pattern.compile("(\\d+):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");

	private static final String TIMEOUT_MESSAGE = "failed to execute in the expected time frame";

	/** The task interrupted its block at its timeout, as a session does (see {@code task.bash}). */
	private static final Pattern TIMED_OUT = Pattern.compile("^runbook-shell: .* timed out after \\d+s and was interrupted$",
			Pattern.MULTILINE);

	private final JournalWriter writer;

	private final SettableClock clock;

	/** A failed command as the task's script names it on stderr (see {@code task.bash}). */
	private static final Pattern FAILED_COMMAND = Pattern.compile(
			"^runbook-shell: (?:warning: )?.*?:(\\d+): (?:command failed|.* stopped at its first failed command) \\(exit (\\d+)[^)]*\\): (.*)$");

	private final Map<String, BlockStatus> statuses = new LinkedHashMap<>();

	private boolean stopped;

	private boolean ended;

	HostImport(JournalWriter writer, SettableClock clock) {
		this.writer = writer;
		this.clock = clock;
	}

	/** Whether the host took no further task: it failed, was unreachable, or its play was stopped. */
	boolean ended() {
		return this.ended;
	}

	void write(Instant at, JournalEvent event) {
		this.clock.set(at);
		this.writer.write(event);
	}

	/** A block's task: its decision, start, notes and end. */
	void block(Block block, BlockRef ref, Instant start, HostResult result) {
		if (result.flag("skipped")) {
			write(start, new JournalEvent.Decision(ref, DecisionChoice.SKIP, null));
			write(start, new JournalEvent.BlockFinished(ref, BlockStatus.SKIPPED, null, 0, null, null, List.of()));
			this.statuses.put(block.id(), BlockStatus.SKIPPED);
			return;
		}
		write(start, new JournalEvent.Decision(ref, DecisionChoice.RUN, null));
		write(start, new JournalEvent.BlockStarted(ref, block.command()));
		Duration duration = duration(result, start);
		Instant end = result.at() != null ? result.at() : start.plus(duration);
		String stderr = result.text("stderr");
		if (stderr != null) {
			stderr.lines().filter(line -> line.startsWith("runbook-shell: "))
				.forEach(line -> write(end, new JournalEvent.Note(line.substring("runbook-shell: ".length()), ref)));
		}
		Integer attempts = result.number("attempts");
		if (attempts != null && attempts > 1) {
			write(end, new JournalEvent.Note("ran " + attempts + " times (retries=" + block.annotations().retries()
					+ "); the output is the last attempt's", ref));
		}
		List<JournalEvent.FailedCommand> failures = failures(stderr);
		BlockStatus status = status(result, stderr);
		if (status == BlockStatus.SUCCEEDED && !failures.isEmpty()) {
			status = BlockStatus.SUCCEEDED_WITH_FAILURES; // errexit=false: it went on, never a plain success
		}
		String output = output(result, status);
		List<ExpectationResult> expectations = new ArrayList<>();
		if (result.text("stdout") != null) {
			for (Expectation expectation : block.expectations()) {
				expectations.add(new ExpectationResult(expectation.display(), expectation.isMetBy(output)));
			}
		}
		if (result.text("censored") != null) {
			write(end, new JournalEvent.Note("Ansible hid this block's output and exit code (no_log: it uses a secret)", ref));
		}
		OutputCapture capture = this.writer.capture(ref, SecretMasker.NONE);
		byte[] bytes = output == null ? new byte[0] : output.getBytes(StandardCharsets.UTF_8);
		capture.write(bytes, 0, bytes.length);
		OutputCapture.Result captured = capture.result();
		write(end, new JournalEvent.BlockFinished(ref, status, status == BlockStatus.UNKNOWN ? null : result.number("rc"),
				duration.toMillis(), output == null ? null : captured.text(), captured.outputFile(), expectations,
				failures.isEmpty() ? null : failures, failures.isEmpty() ? null : failures.size(), null));
		this.statuses.put(block.id(), status);
		if (!status.ranToEnd()) {
			this.ended = true;
		}
	}

	/** The pause before a block: confirmed, skipped by {@code runbook_yes}, or refused (the play stopped). */
	void confirmation(Block block, BlockRef ref, Instant at, HostResult result) {
		if (result.flag("skipped")) {
			String risk = RiskDetector.risk(block, block.command());
			write(at, new JournalEvent.Note((risk == null ? "block" : "risky block (" + risk + ")")
					+ " run without confirmation: decided automatically by -e runbook_yes=true", ref));
		}
		else if (result.flag("failed")) {
			write(at, new JournalEvent.Decision(ref, DecisionChoice.STOP, null));
			write(at, new JournalEvent.Note("not confirmed at ansible-playbook's pause prompt: the play stopped", ref));
			this.stopped = true;
			this.ended = true;
		}
		else {
			write(at, new JournalEvent.Note("confirmed at ansible-playbook's pause prompt", ref));
		}
	}

	/** A checklist item's pause: y ticks it, n refuses it, anything else (or runbook_yes) leaves it unverified. */
	void check(ChecklistItem item, Instant at, HostResult result) {
		String answer = result.flag("skipped") ? null : result.text("user_input");
		CheckState state = switch (answer == null ? "" : answer.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "y", "yes" -> CheckState.CHECKED;
			case "n", "no" -> CheckState.UNCHECKED;
			default -> CheckState.UNVERIFIED;
		};
		String note = answer == null ? "not asked: -e runbook_yes=true" : "answered at ansible-playbook's pause prompt";
		write(at, new JournalEvent.Check(item.line(), item.text(), item.section(), state, note));
	}

	/** Another task of the export failed on this host (a variable's pattern): the host took no block after it. */
	void otherFailed(String task, Instant at, HostResult result) {
		String message = result.text("msg");
		write(at, new JournalEvent.Note("warning: Ansible task '" + task + "' failed" + (message == null ? "" : ": " + message), null));
		this.ended = true;
	}

	/** Writes session-finished: failed when a block did not succeed, stopped when blocks of the flow did not run. */
	JournalEvent.SessionFinished finish(Instant at, List<Block> flow) {
		Map<String, Integer> counts = new TreeMap<>();
		this.statuses.values().forEach(status -> counts.merge(status.wire(), 1, Integer::sum));
		int notRun = (int) flow.stream().filter(block -> !this.statuses.containsKey(block.id())).count();
		if (notRun > 0) {
			counts.put("not-run", notRun);
		}
		boolean failed = this.statuses.values().stream().anyMatch(status -> !status.isSettled());
		SessionStatus status = failed ? SessionStatus.FAILED
				: this.stopped || notRun > 0 ? SessionStatus.STOPPED : SessionStatus.SUCCEEDED;
		JournalEvent.SessionFinished finished = new JournalEvent.SessionFinished(status, counts);
		write(at, finished);
		return finished;
	}

	/**
	 * The failed commands the task's script named on stderr ({@code task.bash}): {@code runbook-shell: [warning: ]
	 * FILE:LINE: ... (exit N...): COMMAND}, in the order they failed.
	 */
	static List<JournalEvent.FailedCommand> failures(String stderr) {
		List<JournalEvent.FailedCommand> failures = new ArrayList<>();
		if (stderr != null) {
			stderr.lines().map(FAILED_COMMAND::matcher).filter(Matcher::matches)
				.forEach(m -> failures.add(new JournalEvent.FailedCommand(Integer.parseInt(m.group(1)),
						Integer.parseInt(m.group(2)), m.group(3).strip())));
		}
		return failures;
	}

	private static BlockStatus status(HostResult result, String stderr) {
		if (result.flag("unreachable")) {
			return BlockStatus.UNKNOWN;
		}
		if (stderr != null && TIMED_OUT.matcher(stderr).find()) {
			return BlockStatus.TIMED_OUT;
		}
		if (!result.flag("failed")) {
			return BlockStatus.SUCCEEDED;
		}
		String message = result.text("msg");
		return message != null && message.contains(TIMEOUT_MESSAGE) ? BlockStatus.TIMED_OUT : BlockStatus.FAILED;
	}

	/** The task's stdout (the block's stdout and stderr in order); Ansible drops its last newline. */
	private static String output(HostResult result, BlockStatus status) {
		String stdout = result.text("stdout");
		if (stdout != null) {
			return stdout.isEmpty() || stdout.endsWith("\n") ? stdout : stdout + "\n";
		}
		if (result.text("censored") != null) {
			return "(hidden by Ansible: no_log)\n";
		}
		String message = result.text("msg");
		return status == BlockStatus.UNKNOWN ? "(unreachable: " + message + "; the block's effect is unknown)\n"
				: message == null ? null : "(" + message + ")\n";
	}

	/** The command module's {@code delta}; else the time between the task's start and the result. */
	private static Duration duration(HostResult result, Instant start) {
		String delta = result.text("delta");
		if (delta != null) {
			Matcher m = DELTA.matcher(delta);
			if (m.matches()) {
				String fraction = m.group(4) == null ? "0" : (m.group(4) + "000000000").substring(0, 9);
				return Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(Long.parseLong(m.group(2)))
					.plusSeconds(Long.parseLong(m.group(3))).plusNanos(Long.parseLong(fraction));
			}
		}
		return result.at() != null && start != null && result.at().isAfter(start) ? Duration.between(start, result.at())
				: Duration.ZERO;
	}

	@Override
	public void close() {
		this.writer.close();
	}

	/** The journal's clock: each event is stamped with the time Ansible gave for it. */
	static final class SettableClock extends Clock {

		private volatile Instant now;

		SettableClock(Instant start) {
			this.now = start;
		}

		void set(Instant at) {
			if (at != null) {
				this.now = at;
			}
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
