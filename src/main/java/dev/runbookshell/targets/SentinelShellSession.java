package dev.runbookshell.targets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.runbookshell.targets.ExecResult.Outcome;
import dev.runbookshell.targets.RunningBlock.Progress;
import dev.runbookshell.targets.TargetException.Reason;

/**
 * The one protocol all transports share: a long-lived shell fed block after block on stdin ({@link BlockScript}),
 * the end of each block's output found by sentinels ({@link SentinelScanner}), the running block stopped by
 * signalling the shell's children from a side command. The transport only starts shells and side commands.
 *
 * <p>Not thread-safe, except {@link #interrupt()} and {@link #sendInput}.
 */
public final class SentinelShellSession implements TargetSession {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

	private final ShellTransport transport;

	private final String shellPreference;

	private ShellProcess process;

	private ShellHello hello;

	/** The last state dump parsed, and what it gave. */
	private byte[] lastDump;

	private ShellState lastState;

	private boolean freshPending;

	/** Whether the current shell holds the protocol for non-interactive and for interactive blocks. */
	private boolean protocolPlain;

	private boolean protocolInteractive;

	private String lostMessage;

	private volatile RunningBlock current;

	private volatile boolean interruptRequested;

	private volatile Router router;

	private final InputGate input = new InputGate();

	private SentinelShellSession(ShellTransport transport, String shellPreference) {
		this.transport = transport;
		this.shellPreference = shellPreference;
	}

	/**
	 * Starts the first shell over a connected transport; closes the transport when that fails.
	 * @param shellPreference {@code bash}, {@code sh}, or null for bash where the target has it
	 */
	public static SentinelShellSession open(ShellTransport transport, String shellPreference) throws TargetException {
		SentinelShellSession session = new SentinelShellSession(transport, shellPreference);
		try {
			session.startShell();
		}
		catch (TargetException | RuntimeException ex) {
			transport.close();
			throw ex;
		}
		return session;
	}

	@Override
	public ExecResult execute(ExecRequest request, OutputSink sink) throws TargetException {
		if (this.lostMessage != null) {
			throw new TargetException(Reason.CONNECT, this.lostMessage + "; reconnect first");
		}
		long start = System.nanoTime();
		boolean fresh = this.freshPending;
		if (this.process == null) {
			startShell();
			fresh = true;
		}
		this.freshPending = false;
		this.interruptRequested = false;
		BlockScript script = BlockScript.random();
		RunningBlock block = new RunningBlock(script.sentinel(), request.interactive()
				? this.input.arm(this.process.stdin(), sink, script.readySentinel()) : sink);
		attach(block);
		try {
			String text = text(script, request);
			String marker = this.hello.markerFile();
			BlockMarker started = marker == null ? null : new BlockMarker(marker, this.hello.pid(), script.token());
			boolean written;
			if (marker == null) {
				sink.started(started);
				written = write(text);
			}
			else {
				// All of the text but its final newline goes first: the shell reads it (one byte per read on a
				// pipe) while the block's start is forced to disk, and runs nothing of its last line, which calls
				// the block, before that newline (a shell parses a whole line before it runs any of it). Should the
				// tool die meanwhile, the shell runs that line at the end of its input, but the supervisor has
				// written eof first and the protocol exits there (ShellLaunch); without a supervisor the start is
				// forced before anything is written.
				written = write(text.substring(0, text.length() - 1));
				try {
					sink.started(started);
				}
				catch (RuntimeException | Error ex) {
					// The start could not be recorded: the line must never run. A syntax error ends it, and the
					// shell with it, in bash, dash and busybox sh alike.
					write(")\n");
					endShell();
					throw ex;
				}
				written = written && write("\n");
			}
			return written ? await(block, request, start, fresh) : shellGone(block, null, start, fresh);
		}
		finally {
			this.current = null;
			// A shell still there ran the block's trailer and reads typed input away until told it ended.
			if (this.input.close() && this.process != null) {
				write(script.inputEnd());
			}
		}
	}

	@Override
	public boolean sendInput(byte[] bytes) {
		return this.input.send(bytes);
	}

	private ExecResult await(RunningBlock block, ExecRequest request, long start, boolean fresh) {
		long deadline = request.timeout() == null ? Long.MAX_VALUE : start + request.timeout().toNanos();
		boolean threadInterrupted = false;
		Outcome stop = null;
		Progress progress;
		while (true) {
			try {
				progress = block.await(deadline);
			}
			catch (InterruptedException ex) {
				// The caller's thread was interrupted: treat it as the operator's Ctrl-C, finish cleanly, keep the flag.
				threadInterrupted = true;
				progress = Progress.RUNNING;
			}
			if (progress != Progress.RUNNING) {
				break;
			}
			if (this.interruptRequested || threadInterrupted) {
				stop = Outcome.INTERRUPTED;
			}
			else if (System.nanoTime() - deadline >= 0) {
				stop = Outcome.TIMED_OUT;
			}
			if (stop != null) {
				progress = new BlockStop(this.transport).stop(block, this.hello.pid());
				break;
			}
		}
		if (threadInterrupted) {
			Thread.currentThread().interrupt();
		}
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		if (progress == Progress.COMPLETE) {
			byte[] state = block.shellState();
			return new ExecResult(stop == null ? Outcome.COMPLETED : stop, block.exitCode(), duration, fresh,
					stop == null ? null : stopMessage(stop, request) + "; the shell and its state are kept",
					block.failures(), block.failedCount(),
					state == null ? null : stateSinceHello(state));
		}
		return shellGone(block, stop == null ? null : stopMessage(stop, request), start, fresh, stop);
	}

	/**
	 * The state a block left, as a change from the shell's first state. Most blocks leave the shell as the block
	 * before did: the same bytes are not parsed again.
	 */
	private ShellState stateSinceHello(byte[] dump) {
		if (!Arrays.equals(dump, this.lastDump)) {
			this.lastState = ShellStateDump.parse(dump).since(this.hello.initial());
			this.lastDump = dump;
		}
		return this.lastState;
	}

	private ExecResult shellGone(RunningBlock block, String stopMessage, long start, boolean fresh) {
		return shellGone(block, stopMessage, start, fresh, null);
	}

	/** The shell's output ended (or it had to be killed): find out whether it exited or the connection died. */
	private ExecResult shellGone(RunningBlock block, String stopMessage, long start, boolean fresh, Outcome stop) {
		try {
			block.await(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Integer status = this.process.awaitExit(Duration.ofSeconds(2));
		this.process.close();
		this.process = null;
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		if (stop != null && this.transport.isConnected()) {
			this.freshPending = true;
			return new ExecResult(stop, status, duration, fresh, stopMessage
					+ "; it ignored INT, TERM and KILL, so its shell was ended: the next block starts in a fresh shell",
					block.failures(), block.failedCount(), null);
		}
		if (!this.transport.isConnected()) {
			String cause = this.transport.lossCause();
			this.lostMessage = "the connection to " + this.transport.describe() + " was lost"
					+ (cause == null ? "" : " (" + cause + ")");
			return new ExecResult(Outcome.CONNECTION_LOST, null, duration, fresh,
					this.lostMessage + " while the block ran: its effect is unknown", block.failures(),
					block.failedCount(), null);
		}
		return new ExecResult(Outcome.SHELL_EXITED, status, duration, fresh, "the block ended the shell (exit "
				+ (status == null ? "status unknown" : status) + "): the next block starts in a fresh shell",
				block.failures(), block.failedCount(), null);
	}

	private static String stopMessage(Outcome stop, ExecRequest request) {
		return stop == Outcome.TIMED_OUT ? "timed out after " + request.timeout().toString().substring(2).toLowerCase() + " and was interrupted"
				: "interrupted";
	}

	@Override
	public void interrupt() {
		this.interruptRequested = true;
		RunningBlock block = this.current;
		if (block != null) {
			block.wakeUp();
		}
	}

	/**
	 * After a lost connection: connects again and starts a fresh shell. The next {@link #execute} reports
	 * {@code freshShell}. Nothing is re-run.
	 */
	@Override
	public void reconnect() throws TargetException {
		if (this.process != null) {
			this.process.close();
			this.process = null;
		}
		this.transport.reconnect();
		this.lostMessage = null;
		startShell();
		this.freshPending = true;
	}

	@Override
	public String fingerprint() {
		return this.transport.fingerprint();
	}

	@Override
	public String shell() {
		return this.hello == null || this.hello.dialect() != ShellDialect.BASH ? "sh" : "bash";
	}

	@Override
	public PreviousBlock previousBlock(BlockMarker marker) throws TargetException {
		return PreviousBlockQuery.ask(this.transport, marker);
	}

	@Override
	public java.util.List<String> restore(ShellState state) throws TargetException {
		if (this.process == null) {
			startShell();
			this.freshPending = true;
		}
		return ShellRestore.run(state, this.hello.dialect(), this::runProtocol);
	}

	@Override
	public void close() {
		if (this.process != null) {
			// A polite exit first, so the remote shell and its exec channel do not linger.
			write("exit 0\n");
			this.process.awaitExit(Duration.ofSeconds(1));
			this.process.close();
			this.process = null;
		}
		this.transport.close();
	}

	/** Ends the current shell at once; the next block starts a fresh one. */
	private void endShell() {
		if (this.process != null) {
			this.process.close();
			this.process = null;
			this.freshPending = true;
		}
	}

	private void startShell() throws TargetException {
		this.router = new Router();
		this.process = this.transport.start(ShellLaunch.command(this.shellPreference, this.transport.loginShell()),
				this.router);
		this.hello = null;
		this.lastDump = null;
		this.protocolPlain = false;
		this.protocolInteractive = false;
		BlockScript script = BlockScript.random();
		ProtocolRun hello = runProtocol(script, script.hello());
		if (hello.interrupted() || hello.progress() != Progress.COMPLETE) {
			String detail = hello.err().strip();
			this.process.close();
			this.process = null;
			if (hello.interrupted()) {
				throw new TargetException(Reason.INTERRUPTED, "interrupted while starting the shell on "
						+ this.transport.describe());
			}
			throw new TargetException(Reason.EXEC, "the shell on " + this.transport.describe()
					+ (hello.progress() == Progress.ENDED ? " exited at start" : " did not answer within 20 s")
					+ (detail.isEmpty() ? "" : ": " + detail.lines().reduce((a, b) -> b).orElse("")));
		}
		this.hello = ShellHello.parse(hello.out(), hello.state());
		this.lastDump = null;
	}

	/** Runs a protocol text (no block of the runbook) and keeps what it printed, 20 s at most. */
	private ProtocolRun runProtocol(BlockScript script, String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		RunningBlock block = new RunningBlock(script.sentinel(), new CapturingSink(out, err));
		attach(block);
		try {
			Progress progress = write(text) ? block.await(System.nanoTime() + START_TIMEOUT.toNanos()) : Progress.ENDED;
			return new ProtocolRun(progress, false, out.toString(StandardCharsets.UTF_8),
					err.toString(StandardCharsets.UTF_8), block.shellState());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new ProtocolRun(Progress.RUNNING, true, "", "", null);
		}
		finally {
			this.current = null;
		}
	}

	/** Runs {@code request} as a protocol text in the current dialect; for {@link ShellRestore}. */
	private ProtocolRun runProtocol(ExecRequest request) {
		BlockScript script = BlockScript.random();
		return runProtocol(script, text(script, request));
	}

	/** The block's text, with the protocol the first time this shell needs it. */
	private String text(BlockScript script, ExecRequest request) {
		boolean install = request.interactive() ? !this.protocolInteractive : !this.protocolPlain;
		String text = script.text(request, this.hello.dialect(), install);
		if (install && BlockScript.installsBothVariants(this.hello.dialect())) {
			this.protocolPlain = true;
			this.protocolInteractive = true;
		}
		else if (request.interactive()) {
			this.protocolInteractive = true;
		}
		else {
			this.protocolPlain = true;
		}
		return text;
	}

	/** Makes {@code block} the one output goes to; a shell that already ended ends it at once. */
	private void attach(RunningBlock block) {
		this.current = block;
		if (this.router.ended) {
			block.ended();
		}
	}

	private boolean write(String text) {
		try {
			OutputStream stdin = this.process.stdin();
			stdin.write(text.getBytes(StandardCharsets.UTF_8));
			stdin.flush();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** What a protocol text printed; {@code interrupted} when the waiting thread was. */
	record ProtocolRun(Progress progress, boolean interrupted, String out, String err, byte[] state) {
	}

	/** Routes the output of one shell to the block running in it; output of an older shell goes nowhere. */
	private final class Router implements ShellOutput {

		private volatile boolean ended;

		private RunningBlock block() {
			return this == SentinelShellSession.this.router ? SentinelShellSession.this.current : null;
		}

		@Override
		public void stdout(byte[] buffer, int offset, int length) {
			RunningBlock block = block();
			if (block != null) {
				block.stdout(buffer, offset, length);
			}
		}

		@Override
		public void stderr(byte[] buffer, int offset, int length) {
			RunningBlock block = block();
			if (block != null) {
				block.stderr(buffer, offset, length);
			}
		}

		@Override
		public void ended() {
			this.ended = true;
			RunningBlock block = block();
			if (block != null) {
				block.ended();
			}
		}

	}

}
