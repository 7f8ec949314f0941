package dev.runbookshell.targets;

/**
 * The command that starts the session's shell: bash where the target has it, POSIX sh otherwise (busybox), or
 * what the target's {@code shell} option asks for; and around it a small supervisor in plain sh.
 *
 * <p>The supervisor makes a private folder on the target ({@code mktemp -d}), relays its own stdin (the
 * connection) into a FIFO there from a background job, and runs the shell in the foreground (a background job
 * would start with SIGINT ignored, and Ctrl-C could not reach the block's trap) in a session and process group
 * of its own ({@code setsid}) reading that FIFO; the relay's first line tells the shell the folder. When the shell exits, it stops the relay, removes the
 * folder and exits with the shell's status. When its stdin ends while the shell still runs (the tool died, the
 * link dropped), it writes {@code eof} in the folder (before the shell's input ends: a last line the tool had not
 * finished, which the shell then runs, stops at it) and, if the marker file says a block is running, sends TERM
 * and then KILL to the shell's whole process group: a block never goes on as an orphan beside a resumed copy.
 * The folder then stays, with the marker, for that resumed run to read ({@link SentinelShellSession#previousBlock}).
 * The supervisor's own stderr is {@code /dev/null} and the shell gets the real one in a subshell (dash applies a
 * command's own redirections in the parent while it waits): sh reports a shell killed by a signal ("Terminated")
 * on its stderr, and written into the dead connection that report killed the supervisor by SIGPIPE before it
 * cleaned up, leaving the FIFO and the relay's pid in the folder for good.
 * Where there is no {@code mktemp}, FIFO or {@code setsid}, the bare shell runs as before, without a watchdog.
 */
final class ShellLaunch {

	/** Seconds between TERM and KILL when the connection ended mid-block. */
	static final int TERM_GRACE_SECONDS = 3;

	private static final String SUPERVISOR = """
			exec 8<&0 </dev/null
			%s
			rb_d=$(mktemp -d "${TMPDIR:-/tmp}/runbook-shell.XXXXXX" 2>/dev/null) && mkfifo "$rb_d/.in" 2>/dev/null \
			&& command -v setsid >/dev/null 2>&1 || { [ -z "$rb_d" ] || rm -rf "$rb_d"; exec $rb_sh%s <&8 8<&-; }
			(
				{ printf "__rb_d='%%s'\\n" "$rb_d"; cat <&8 & echo "$!" >"$rb_d/.relay"; wait "$!"
				  [ -e "$rb_d/.exited" ] || : >"$rb_d/.eof"; } >"$rb_d/.in" 2>/dev/null
				[ ! -e "$rb_d/.exited" ] || exit 0
				: >"$rb_d/.eof"
				read -r rb_state rb_token rb_pid <"$rb_d/.block" 2>/dev/null
				if [ "$rb_state" = running ] && [ "${rb_pid:-0}" -gt 1 ]; then
					kill -TERM -"$rb_pid" 2>/dev/null
					rb_i=0
					while kill -0 -"$rb_pid" 2>/dev/null && [ "$rb_i" -lt %d ]; do
						sleep 0.1 2>/dev/null || sleep 1; rb_i=$((rb_i + 1))
					done
					kill -KILL -"$rb_pid" 2>/dev/null
				fi
			) 8<&8 &
			rb_r=$!
			exec 8<&- 7>&2 2>/dev/null
			(exec setsid $rb_sh%s <"$rb_d/.in" 2>&7 7>&-)
			rb_rc=$?
			: >"$rb_d/.exited"
			read -r rb_c <"$rb_d/.relay" 2>/dev/null && kill "$rb_c" 2>/dev/null
			wait "$rb_r"
			if [ -e "$rb_d/.eof" ]; then rm -f "$rb_d/.in" "$rb_d/.relay" "$rb_d/.exited"; else rm -rf "$rb_d"; fi
			exit "$rb_rc"
			""";

	private ShellLaunch() {
	}

	/**
	 * @param preference {@code bash}, {@code sh}, or null to pick bash when present
	 * @param login true to start a login shell (reads the profile, as an SSH terminal session does)
	 * @return one command for {@code sh -c} (or a login shell's {@code -c}): the supervisor, in sh whatever the
	 * login shell is
	 */
	static String command(String preference, boolean login) {
		String flag = login ? " -l" : "";
		String pick;
		if (preference == null || preference.isBlank()) {
			pick = "if command -v bash >/dev/null 2>&1; then rb_sh=bash; else rb_sh=sh; fi";
		}
		else if (preference.equals("bash") || preference.equals("sh")) {
			pick = "rb_sh=" + preference;
		}
		else {
			throw new IllegalArgumentException("shell must be bash or sh, not '" + preference + "'");
		}
		String supervisor = SUPERVISOR.formatted(pick, flag, TERM_GRACE_SECONDS * 10, flag);
		return "exec /bin/sh -c " + ShellQuoting.singleQuoted(supervisor);
	}

}
