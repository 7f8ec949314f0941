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

	private final TargetSession target;

	private final SessionJournal journal;

	private final SessionListener listener;

	private final SecretValues secrets;

	private final ScheduledExecutorService ticker;

	private final Confirmer confirmer;

	BlockExecution(TargetSession target, SessionJournal journal, SessionListener listener, SecretValues secrets,
			ScheduledExecutorService ticker, Confirmer confirmer) {
		this.target = target;
		this.confirmer = confirmer;
		this.journal = journal;
		this.listener = listener;
		this.secrets = secrets;
		this.ticker = ticker;
	}

	static BlockRef ref(Block block) {
		return new BlockRef(block.id(), block.name(), block.hash());
	}

	/**
	 * @param script what is sent to the shell
	 * @param shown the command as recorded and shown (masked)
	 */
	BlockReport run(Block block, String script, String shown, Duration timeout, Map<String, String> exports)
			throws TargetException {
		BlockRef ref = ref(block);
		TypedInput typed = block.annotations().interactive() ? startTyping(block, ref) : null;
		this.journal.append(new JournalEvent.BlockStarted(ref, this.secrets.mask(shown)));
		SessionJournal.Capture capture = this.journal.capture(ref);
		ByteArrayOutputStream kept = new ByteArrayOutputStream();
		MaskedSink sink = new MaskedSink(capture, kept);
		ExecRequest request = new ExecRequest(block.label(), withCwd(block, script), timeout, typed != null,
				exports);
		long started = System.nanoTime();
		ScheduledFuture<?> ticks = scheduleTicks(block, started);
		ExecResult result;
		try {
			result = this.target.execute(request, sink);
		}
		catch (TargetException ex) {
			recordTyping(ref, typed);
			finish(ref, capture, sink, new BlockReport(block, BlockStatus.UNKNOWN, null,
					Duration.ofNanos(System.nanoTime() - started), List.of(), ex.getMessage()));
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
		recordTyping(ref, typed);
		sink.flush();
		if (result.freshShell()) {
			warn(ref, "a fresh shell was started for " + block.label()
					+ ": state set by earlier blocks (cd, export, functions) was lost");
		}
		String output = new String(kept.toByteArray(), StandardCharsets.UTF_8);
		BlockReport report = judge(block, result, output);
		if (FollowedOutput.follows(block, script)) {
			report = FollowedOutput.settle(report);
		}
		if (result.outcome() == ExecResult.Outcome.SHELL_EXITED) {
			warn(ref, block.label() + " ended the shell (exit " + result.exitCode()
					+ "); the next block gets a fresh shell without the state of earlier blocks");
		}
		finish(ref, capture, sink, report);
		return report;
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
			this.journal.append(new JournalEvent.Note("typed input: " + lines + (lines == 1 ? " line" : " lines")
					+ " sent to the block while it ran (not recorded)", ref));
		}
	}

	private void finish(BlockRef ref, SessionJournal.Capture capture, MaskedSink sink, BlockReport report) {
		sink.flush();
		SessionJournal.Captured captured = capture.finish();
		this.journal.append(new JournalEvent.BlockFinished(ref, report.status(), report.exitCode(),
				report.duration().toMillis(), captured.output(), captured.outputFile(), report.expectations()));
		this.listener.blockFinished(report);
	}

	private void warn(BlockRef ref, String text) {
		this.listener.warning(text);
		this.journal.append(new JournalEvent.Note("warning: " + text, ref));
	}

	/** Maps the target's outcome, the accepted exit codes and the expectations to a status. */
	static BlockReport judge(Block block, ExecResult result, String maskedOutput) {
		Duration duration = result.duration() == null ? Duration.ZERO : result.duration();
		List<ExpectationResult> expectations = new ArrayList<>();
		switch (result.outcome()) {
			case TIMED_OUT:
				return new BlockReport(block, BlockStatus.TIMED_OUT, result.exitCode(), duration, expectations,
						message(result, "timed out"));
			case INTERRUPTED:
				return new BlockReport(block, BlockStatus.INTERRUPTED, result.exitCode(), duration, expectations,
						message(result, "interrupted"));
			case CONNECTION_LOST:
				String lost = message(result, "connection lost while the block ran");
				return new BlockReport(block, BlockStatus.UNKNOWN, null, duration, expectations,
						lost.contains("its effect is unknown") ? lost : lost + ": its effect is unknown");
			default:
				break;
		}
		String failure = null;
		Set<Integer> accepted = block.annotations().exitCodes();
		if (result.exitCode() == null || !accepted.contains(result.exitCode())) {
			failure = "exit code " + result.exitCode() + (accepted.equals(Set.of(0)) ? "" : " (accepted: "
					+ accepted.toString().replaceAll("[\\[\\] ]", "") + ")");
		}
		for (Expectation expectation : block.expectations()) {
			boolean met = expectation.isMetBy(maskedOutput);
			expectations.add(new ExpectationResult(expectation.display(), met));
			if (!met && failure == null) {
				failure = "expected output not seen: " + expectation.display();
			}
		}
		BlockStatus status = failure == null ? BlockStatus.SUCCEEDED : BlockStatus.FAILED;
		return new BlockReport(block, status, result.exitCode(), duration, expectations, failure);
	}

	private static String message(ExecResult result, String fallback) {
		return result.message() == null || result.message().isBlank() ? fallback : result.message();
	}

	/** {@code cwd=} runs the block in that folder and returns to where the shell was. */
	private static String withCwd(Block block, String script) {
		return block.annotations().cwd().map(dir -> "__rb_owd=$PWD; cd -- '" + dir.replace("'", "'\\''")
				+ "' && {\n" + script + "\n}; __rb_rc=$?; cd -- \"$__rb_owd\"; (exit $__rb_rc)").orElse(script);
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

	/** Both streams, masked, to the listener, the journal and the copy kept for the expectations. */
	private final class MaskedSink implements OutputSink {

		// One masking stream for stdout and stderr together: with one per stream, bytes one of them held back
		// (a possible start of a secret) came out after the other's, and the two interleaved mid-line.
		private final SecretValues.MaskedStream combined;

		MaskedSink(SessionJournal.Capture capture, ByteArrayOutputStream kept) {
			this.combined = BlockExecution.this.secrets.stream((b, o, l) -> deliver(capture, kept, b, o, l, false));
		}

		private synchronized void deliver(SessionJournal.Capture capture, ByteArrayOutputStream kept, byte[] buffer,
				int offset, int length, boolean stderr) {
			BlockExecution.this.listener.output(buffer, offset, length, stderr);
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
