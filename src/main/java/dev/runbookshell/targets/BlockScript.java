package dev.runbookshell.targets;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text the session writes to the shell's stdin for one block. The block's script travels as one
 * single-quoted word and runs through {@code eval} at the top level of the shell, so {@code cd}, {@code export},
 * functions and {@code set} options stay for the next block, a heredoc or a loop parses as typed, and nothing
 * forks. After it, two sentinels (stdout with the exit code, stderr without) mark the end of the output.
 * Everything after the script word is one line: a shell reading its input byte by byte (bash on a pipe) has
 * then read all of it before the block runs, so an interactive block that reads stdin cannot swallow it.
 *
 * <p>An interactive block (stdin attached) shares its stdin with the shell, so two more markers keep what the
 * operator types from ever running as a command: a ready marker on stderr just before the block runs, once the shell
 * has read the whole text ({@link InputGate} sends nothing before it: busybox sh reads its input in chunks and would
 * take typed text for commands), and after the sentinels a loop that reads away whatever the block left unread, up
 * to the end marker the session writes when the block has ended.
 */
final class BlockScript {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String PREFIX = "__RBS_";

	private static final String READY_PREFIX = "__RBR_";

	private static final String INPUT_END_PREFIX = "__RBE_";

	private final String nonce;

	private BlockScript(String nonce) {
		this.nonce = nonce;
	}

	static BlockScript random() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return new BlockScript(HexFormat.of().formatHex(bytes));
	}

	/** The sentinel that ends this block's output; it never appears whole in what is written to the shell. */
	String sentinel() {
		return PREFIX + this.nonce;
	}

	/**
	 * The sentinel an interactive block prints on stderr just before it runs, in the same form as the end-of-block
	 * one on stderr (a record separator, the sentinel, a newline), so one {@link SentinelScanner} finds either.
	 */
	String readySentinel() {
		return READY_PREFIX + this.nonce;
	}

	/** What the session writes to the shell's stdin when an interactive block has ended. */
	String inputEnd() {
		return "\n" + INPUT_END_PREFIX + this.nonce + "\n";
	}

	/**
	 * @param stdinAttached false to give the block /dev/null as stdin
	 */
	String text(String script, Map<String, String> exports, boolean stdinAttached) {
		StringBuilder text = new StringBuilder(script.length() + 256);
		text.append("__rb_s=").append(quote(script)).append('\n');
		// Exports run while xtrace is off (it is switched off after every block), so values never reach a trace.
		exports.forEach((name, value) -> {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("not a shell variable name: '" + name + "'");
			}
			text.append("export ").append(name).append('=').append(quote(value)).append('\n');
		});
		// ${__rb_x-} turns xtrace back on inside eval only, so the protocol's own commands are never traced.
		// The block runs in a function so that an interrupt can end the whole block, not just the command that is
		// running: the shell gets INT first (the trap waits for the running command), then the command does. The
		// function runs in the shell itself, so cd, export and functions still carry over.
		text.append("__rb_run() { eval \"${__rb_x-}$__rb_s\"; }; trap 'return 130 2>/dev/null' INT\n");
		if (stdinAttached) {
			// From two words, like the sentinel, so that `set -v` echoing this line cannot fake it.
			text.append("command printf '\\036%s%s\\n' ").append(READY_PREFIX).append(' ').append(this.nonce).append(" >&2; ");
		}
		text.append("__rb_run").append(stdinAttached ? "" : " </dev/null");
		text.append("; { __rb_rc=$?; case $- in *x*) __rb_x='set -x;' ;; *) __rb_x= ;; esac; set +x; } 2>/dev/null");
		// The sentinel is printed from two words so that `set -v` echoing this line cannot fake it.
		text.append("; command printf '\\036%s%s %d\\n' ").append(PREFIX).append(' ').append(this.nonce)
			.append(" \"$__rb_rc\"");
		text.append("; command printf '\\036%s%s\\n' ").append(PREFIX).append(' ').append(this.nonce).append(" >&2");
		if (stdinAttached) {
			text.append("; while IFS= read -r __rb_l; do case $__rb_l in *").append(INPUT_END_PREFIX).append(this.nonce)
				.append("*) break ;; esac; done; unset __rb_l");
		}
		return text.append('\n').toString();
	}

	private static String quote(String value) {
		return ShellQuoting.singleQuoted(value);
	}

}
