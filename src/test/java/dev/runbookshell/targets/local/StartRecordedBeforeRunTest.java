package dev.runbookshell.targets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.runbookshell.targets.BlockMarker;
import dev.runbookshell.targets.ExecRequest;
import dev.runbookshell.targets.ExecResult;
import dev.runbookshell.targets.OutputSink;
import dev.runbookshell.targets.SentinelShellSession;
import dev.runbookshell.targets.ShellOutput;
import dev.runbookshell.targets.ShellProcess;
import dev.runbookshell.targets.ShellTransport;
import dev.runbookshell.targets.TargetException;

/**
 * The shell is given a block's text while its start is being forced to disk, all but the final newline of the
 * line that runs it. Whatever happens to the tool in that moment, the block never runs without its start recorded.
 */
class StartRecordedBeforeRunTest {

	@TempDir
	Path dir;

	@Test
	void whenTheToolDiesWhileTheStartIsRecordedTheBlockNeverRuns() throws Exception {
		Path ran = this.dir.resolve("ran");
		try (Recording transport = new Recording(new LocalTransport(this.dir));
				SentinelShellSession session = SentinelShellSession.open(transport, "bash")) {
			assertThat(session.execute(ExecRequest.of("warm-up", "true"), new Sink(null)).exitCode()).isZero();
			// The tool's end as the shell sees it: its input ends (a shell reading its input to the end runs a
			// last line that lacks its newline).
			ExecResult result = session.execute(ExecRequest.of("touch", "touch '" + ran + "'"),
					new Sink(() -> close(transport.last)));
			assertThat(result.outcome()).isNotEqualTo(ExecResult.Outcome.COMPLETED);
		}
		assertThat(ran).doesNotExist();
	}

	@Test
	void whenTheStartCannotBeRecordedTheBlockNeverRunsAndTheNextStartsInAFreshShell() throws Exception {
		Path ran = this.dir.resolve("ran");
		try (Recording transport = new Recording(new LocalTransport(this.dir));
				SentinelShellSession session = SentinelShellSession.open(transport, "bash")) {
			assertThatThrownBy(() -> session.execute(ExecRequest.of("touch", "touch '" + ran + "'"),
					new Sink(() -> {
						throw new IllegalStateException("disk full");
					}))).hasMessage("disk full");
			ExecResult next = session.execute(ExecRequest.of("next", "echo next"), new Sink(null));
			assertThat(next.exitCode()).isZero();
			assertThat(next.freshShell()).isTrue();
		}
		assertThat(ran).doesNotExist();
	}

	private static void close(ShellProcess process) {
		try {
			process.stdin().close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs {@code onStart} when the session records the block's start. */
	private record Sink(Runnable onStart) implements OutputSink {

		@Override
		public void started(BlockMarker marker) {
			if (this.onStart != null) {
				this.onStart.run();
			}
		}

		@Override
		public void stdout(byte[] buffer, int offset, int length) {
		}

		@Override
		public void stderr(byte[] buffer, int offset, int length) {
		}

	}

	/** The local transport, keeping the last shell it started. */
	private static final class Recording implements ShellTransport {

		private final LocalTransport local;

		private volatile ShellProcess last;

		Recording(LocalTransport local) {
			this.local = local;
		}

		@Override
		public ShellProcess start(String command, ShellOutput output) throws TargetException {
			this.last = this.local.start(command, output);
			return this.last;
		}

		@Override
		public void runSideCommand(String script) throws TargetException {
			this.local.runSideCommand(script);
		}

		@Override
		public String query(String script) throws TargetException {
			return this.local.query(script);
		}

		@Override
		public boolean isConnected() {
			return this.local.isConnected();
		}

		@Override
		public void reconnect() {
			this.local.reconnect();
		}

		@Override
		public String describe() {
			return this.local.describe();
		}

		@Override
		public String fingerprint() {
			return this.local.fingerprint();
		}

		@Override
		public void close() {
			this.local.close();
		}

	}

}
