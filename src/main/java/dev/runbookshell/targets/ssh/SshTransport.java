package dev.runbookshell.targets.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import net.schmizz.sshj.connection.channel.direct.Session;

import dev.runbookshell.targets.AliveCheck;
import dev.runbookshell.targets.ShellOutput;
import dev.runbookshell.targets.ShellProcess;
import dev.runbookshell.targets.ShellQuoting;
import dev.runbookshell.targets.ShellTransport;
import dev.runbookshell.targets.StreamPumps;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetException.Reason;
import dev.runbookshell.targets.TargetPrompts;

/** Shells as exec channels (no PTY) on one SSH connection; side commands on further channels of it. */
final class SshTransport implements ShellTransport {

	private static final long SIDE_COMMAND_TIMEOUT_SECONDS = 5;

	private final SshSettings settings;

	private final AliveCheck aliveCheck;

	private final Path home;

	private final TargetPrompts prompts;

	private final Function<String, String> environment;

	private SshConnection connection;

	SshTransport(SshSettings settings, AliveCheck aliveCheck, Path home, TargetPrompts prompts,
			Function<String, String> environment) throws TargetException {
		this.settings = settings;
		this.aliveCheck = aliveCheck;
		this.home = home;
		this.prompts = prompts;
		this.environment = environment;
		this.connection = SshConnection.open(settings, aliveCheck, home, prompts, environment);
	}

	@Override
	public ShellProcess start(String command, ShellOutput output) throws TargetException {
		Session session = null;
		try {
			session = this.connection.client().startSession();
			Session.Command shell = session.exec(command);
			StreamPumps pumps = StreamPumps.start("ssh-shell", shell.getInputStream(), shell.getErrorStream(), output);
			return new SshShell(session, shell, pumps);
		}
		catch (IOException ex) {
			closeQuietly(session);
			throw new TargetException(isConnected() ? Reason.EXEC : Reason.CONNECT,
					"cannot start a shell on " + describe() + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void runSideCommand(String script) throws TargetException {
		try (Session session = this.connection.client().startSession()) {
			Session.Command command = session.exec("sh -c " + ShellQuoting.singleQuoted(script));
			command.join(SIDE_COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			throw new TargetException(Reason.EXEC, "cannot signal the block on " + describe() + ": " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public String query(String script) throws TargetException {
		try (Session session = this.connection.client().startSession()) {
			Session.Command command = session.exec("sh -c " + ShellQuoting.singleQuoted(script));
			byte[] printed = command.getInputStream().readNBytes(64 * 1024);
			command.join(SIDE_COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			return new String(printed, java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new TargetException(Reason.EXEC, "cannot ask " + describe() + " about the previous block: "
					+ ex.getMessage(), ex);
		}
	}

	@Override
	public boolean isConnected() {
		if (!this.connection.isConnected()) {
			return false;
		}
		// Asked when the shell's stream ended: sshj may not have noticed a dropped link yet, so only a command that
		// really ran over it proves the connection alive (otherwise a lost block would pass for an `exit`).
		try (Session session = this.connection.client().startSession()) {
			Session.Command probe = session.exec("true");
			probe.join(SIDE_COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			return Integer.valueOf(0).equals(probe.getExitStatus());
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	@Override
	public void reconnect() throws TargetException {
		this.connection.close();
		this.connection = SshConnection.open(this.settings, this.aliveCheck, this.home, this.prompts,
				this.environment);
	}

	@Override
	public String lossCause() {
		return this.connection.lossCause();
	}

	@Override
	public String describe() {
		return this.settings.describe();
	}

	@Override
	public String fingerprint() {
		return this.connection.fingerprint();
	}

	@Override
	public boolean loginShell() {
		return true;
	}

	@Override
	public void close() {
		this.connection.close();
	}

	private static void closeQuietly(Session session) {
		if (session != null) {
			try {
				session.close();
			}
			catch (IOException ex) {
				// Nothing more to release.
			}
		}
	}

	private record SshShell(Session session, Session.Command command, StreamPumps pumps) implements ShellProcess {

		@Override
		public OutputStream stdin() {
			return this.command.getOutputStream();
		}

		@Override
		public Integer awaitExit(Duration timeout) {
			try {
				this.command.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (IOException ex) {
				// Timed out or the connection died: the status stays unknown.
			}
			return this.command.getExitStatus();
		}

		@Override
		public void close() {
			closeQuietly(this.session);
			this.pumps.join(1000);
		}

	}

}
