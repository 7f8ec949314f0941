package dev.runbookshell.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.journal.JournalEvent;
import dev.runbookshell.journal.JournalEvent.BlockRef;
import dev.runbookshell.journal.JournalEvent.ExpectationResult;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.Expectation;
import dev.runbookshell.session.SessionListener.BlockReport;
import dev.runbookshell.targets.BlockMarker;
import dev.runbookshell.targets.ExecRequest;
import dev.runbookshell.targets.ExecResult;
import dev.runbookshell.targets.OutputSink;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetSession;

/**
 * Runs one block once on the target: records {@code block-started}, streams the masked output to the listener
 * and the journal, checks exit code and expectations, and records {@code block-finished}.
 */
final class BlockExecution {

	/** Output kept in memory for the expectations; the journal keeps all of it. */
	private static final int KEPT_OUTPUT = 8 * 1024 * 1024;

	/** Failed commands named one by one in a message; the rest are counted. */
	private static final int SHOWN_FAILURES = 5;

	private final TargetSession target;

	private final SessionRecorder recorder;

	private final SessionListener listener;

	private final SecretValues secrets;

	private final ScheduledExecutorService ticker;

	private final Confirmer confirmer;

	/** The runbook's file name, as failed commands and the shell's error lines name it. */
	private final String file;

	private final ShellSnapshots snapshots;

	BlockExecution(TargetSession target, SessionRecorder recorder, SessionListener listener, SecretValues secrets,
			ScheduledExecutorService ticker, Confirmer confirmer, String runbookFile) {
		this.file = runbookFile == null ? "runbook" : java.nio.file.Path.of(runbookFile).getFileName().toString();
		this.snapshots = new ShellSnapshots(secrets);
		this.target = target;
		this.confirmer = confirmer;
		this.recorder = recorder;
		this.listener = listener;
		this.secrets = secrets;
		this.ticker = ticker;
	}

	/**
	 * @param script what is sent to the shell
	 * @param shown the command as recorded and shown (masked)
	 */
	BlockReport run(Block block, String script, String shown, Duration timeout, Map<String, String> exports)
			throws TargetException {
		BlockRef ref = SessionRecorder.ref(block);
		TypedInput typed = block.annotations().interactive() ? startTyping(block, ref) : null;
		SessionJournal.Capture capture = this.recorder.capture(ref);
		ByteArrayOutputStream kept = new ByteArrayOutputStream();
		String command = this.secrets.mask(shown);
		MaskedSink sink = new MaskedSink(capture, kept, ref, command);
		ScriptLines lines = ScriptLines.of(block, script);
		ExecRequest request = new ExecRequest(block.label(), script, timeout, typed != null, exports,
				new ExecRequest.Origin(this.file, lines.firstLine()),
				new ExecRequest.FailureRule(block.annotations().errexit(), block.annotations().exitCodes()),
				block.annotations().cwd().orElse(null));
		long started = System.nanoTime();
		ScheduledFuture<?> ticks = scheduleTicks(block, started);
		ExecResult result;
		try {
			result = this.target.execute(request, sink);
		}
		catch (TargetException ex) {
			sink.started(null);
			recordTyping(ref, typed);
			finish(ref, capture, sink, new Judged(new BlockReport(block, BlockStatus.UNKNOWN, null,
					Duration.ofNanos(System.nanoTime() - started), List.of(), ex.getMessage()), List.of(), 0), null);
			throw ex;
		}
		finally {
			if (ticks != null) {
				ticks.cancel(false);
			}
			if (typed != null) {
				typed.stop();
			}
		}
		sink.started(null);
		recordTyping(ref, typed);
		sink.flush();
		if (result.freshShell()) {
			warn(ref, "a fresh shell was started for " + block.label()
					+ ": state set by earlier blocks (cd, export, functions) was lost");
		}
		String output = new String(kept.toByteArray(), StandardCharsets.UTF_8);
		Judged judged = judge(block, result, output, lines, this.file, this.secrets);
		if (FollowedOutput.follows(block, script)) {
			judged = new Judged(FollowedOutput.settle(judged.report()), judged.failures(), judged.failedCount());
		}
		if (judged.report().status() == BlockStatus.SUCCEEDED_WITH_FAILURES) {
			String more = judged.failedCount() > SHOWN_FAILURES ? " (and " + (judged.failedCount() - SHOWN_FAILURES)
					+ " more)" : "";
			judged.failures().stream().limit(SHOWN_FAILURES).forEach(failed -> this.listener
				.warning(block.label() + " went on after " + failed.describe(this.file) + more));
		}
		if (result.outcome() == ExecResult.Outcome.SHELL_EXITED) {
			warn(ref, block.label() + " ended the shell (exit " + result.exitCode()
					+ "); the next block gets a fresh shell without the state of earlier blocks");
		}
		finish(ref, capture, sink, judged, this.snapshots.changed(result.shellState()));
		return judged.report();
	}

	/** The operator's typing for an interactive block; null, with a warning, when nobody can type. */
	private TypedInput startTyping(Block block, BlockRef ref) {
		TypedInput typed = new TypedInput(this.target);
		if (typed.start(this.confirmer, block)) {
			return typed;
		}
		SessionMode mode = this.confirmer.mode();
		warn(ref, block.label() + " is interactive=true but nobody can type into it"
				+ (mode.unattended() ? " (--" + mode.wire() + ")" : "")
				+ ": it runs with stdin from /dev/null, so a command that reads input gets end of file");
		return null;
	}

	/** How many lines were typed into the block, never what: typed text may be a secret. */
	private void recordTyping(BlockRef ref, TypedInput typed) {
		if (typed != null) {
			typed.stop();
			int lines = typed.lines();
			this.recorder.note("typed input: " + lines + (lines == 1 ? " line" : " lines")
					+ " sent to the block while it ran (not recorded)", ref);
		}
	}

	private void finish(BlockRef ref, SessionJournal.Capture capture, MaskedSink sink, Judged judged,
			JournalEvent.ShellSnapshot shell) {
		sink.flush();
		SessionJournal.Captured captured = capture.finish();
		BlockReport report = judged.report();
		this.recorder.blockFinished(ref, report, captured, judged.failures(), judged.failedCount(), shell);
		this.listener.blockFinished(report);
	}

	private void warn(BlockRef ref, String text) {
		this.listener.warning(text);
		this.recorder.note("warning: " + text, ref);
	}

	/**
	 * Maps the target's outcome, the failed commands, the accepted exit codes and the expectations to a status:
	 * a block that stopped at a failed command failed there; one that went on after failed commands
	 * ({@code errexit=false}) succeeded with failures at best; a final status outside the accepted codes fails.
	 */
	static Judged judge(Block block, ExecResult result, String maskedOutput, ScriptLines lines, String file,
			SecretValues secrets) {
		Duration duration = result.duration() == null ? Duration.ZERO : result.duration();
		List<ExpectationResult> expectations = new ArrayList<>();
		List<JournalEvent.FailedCommand> failures = result.failedCommands().stream()
			.map(f -> new JournalEvent.FailedCommand(lines.runbookLine(f.line()), f.exitCode(),
					secrets.mask(f.command().isEmpty() ? lines.text(f.line()) : f.command())))
			.toList();
		int failedCount = Math.max(result.failedCount(), failures.size());
		switch (result.outcome()) {
			case TIMED_OUT:
				return new Judged(new BlockReport(block, BlockStatus.TIMED_OUT, result.exitCode(), duration,
						expectations, message(result, "timed out")), failures, failedCount);
			case INTERRUPTED:
				return new Judged(new BlockReport(block, BlockStatus.INTERRUPTED, result.exitCode(), duration,
						expectations, message(result, "interrupted")), failures, failedCount);
			case CONNECTION_LOST:
				String lost = message(result, "connection lost while the block ran");
				return new Judged(new BlockReport(block, BlockStatus.UNKNOWN, null, duration, expectations,
						lost.contains("its effect is unknown") ? lost : lost + ": its effect is unknown"), failures,
						failedCount);
			default:
				break;
		}
		String failure = null;
		Set<Integer> accepted = block.annotations().exitCodes();
		boolean stopped = block.annotations().errexit() && !failures.isEmpty();
		if (stopped) {
			failure = "stopped at its first failed command, " + failures.get(0).describe(file);
		}
		else if (result.exitCode() == null || !accepted.contains(result.exitCode())) {
			failure = "exit code " + result.exitCode() + (accepted.equals(Set.of(0)) ? "" : " (accepted: "
					+ accepted.toString().replaceAll("[\\[\\] ]", "") + ")");
			if (!failures.isEmpty()) {
				failure += ", after " + failures.get(failures.size() - 1).describe(file);
			}
		}
		for (Expectation expectation : block.expectations()) {
			boolean met = expectation.isMetBy(maskedOutput);
			expectations.add(new ExpectationResult(expectation.display(), met));
			if (!met && failure == null) {
				failure = "expected output not seen: " + expectation.display();
			}
		}
		BlockStatus status = BlockStatus.FAILED;
		if (failure == null && failures.isEmpty()) {
			status = BlockStatus.SUCCEEDED;
		}
		else if (failure == null) {
			status = BlockStatus.SUCCEEDED_WITH_FAILURES;
			failure = "succeeded with " + failedCount + (failedCount == 1 ? " failed command: " : " failed commands: ")
					+ String.join("; ", failures.stream().limit(SHOWN_FAILURES).map(f -> f.describe(file)).toList())
					+ (failedCount > SHOWN_FAILURES ? "; ..." : "");
		}
		return new Judged(new BlockReport(block, status, result.exitCode(), duration, expectations, failure), failures,
				failedCount);
	}

	/** A block's report with the failed commands that go into its {@code block-finished}. */
	record Judged(BlockReport report, List<JournalEvent.FailedCommand> failures, int failedCount) {
	}

	private static String message(ExecResult result, String fallback) {
		return result.message() == null || result.message().isBlank() ? fallback : result.message();
	}

	private ScheduledFuture<?> scheduleTicks(Block block, long started) {
		Duration every = this.listener.tickInterval();
		if (every == null || this.ticker == null) {
			return null;
		}
		return this.ticker.scheduleAtFixedRate(
				() -> this.listener.elapsed(block, Duration.ofNanos(System.nanoTime() - started)), every.toMillis(),
				every.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Both streams, masked, to the listener, the journal and the copy kept for the expectations; and the
	 * {@code block-started} event, written as the target is about to send the block (with its marker there).
	 */
	private final class MaskedSink implements OutputSink {

		// One masking stream for stdout and stderr together: with one per stream, bytes one of them held back
		// (a possible start of a secret) came out after the other's, and the two interleaved mid-line.
		private final SecretValues.MaskedStream combined;

		private final BlockRef ref;

		private final String command;

		private boolean started;

		MaskedSink(SessionJournal.Capture capture, ByteArrayOutputStream kept, BlockRef ref, String command) {
			this.combined = BlockExecution.this.secrets.stream((b, o, l) -> deliver(capture, kept, b, o, l));
			this.ref = ref;
			this.command = command;
		}

		/** Records {@code block-started} once; again after the block only when the target never announced it. */
		@Override
		public void started(BlockMarker marker) {
			if (!this.started) {
				this.started = true;
				BlockExecution.this.recorder.blockStarted(this.ref, this.command, marker);
			}
		}

		private synchronized void deliver(SessionJournal.Capture capture, ByteArrayOutputStream kept, byte[] buffer,
				int offset, int length) {
			BlockExecution.this.listener.output(buffer, offset, length);
			capture.write(buffer, offset, length);
			if (kept.size() < KEPT_OUTPUT) {
				kept.write(buffer, offset, Math.min(length, KEPT_OUTPUT - kept.size()));
			}
		}

		@Override
		public void stdout(byte[] buffer, int offset, int length) {
			this.combined.write(buffer, offset, length);
		}

		@Override
		public void stderr(byte[] buffer, int offset, int length) {
			this.combined.write(buffer, offset, length);
		}

		void flush() {
			this.combined.flush();
		}

	}

}
