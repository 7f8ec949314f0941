package dev.runbookshell.targets;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text the session writes to the shell's stdin for one block.
 *
 * <p>The block's script travels as one single-quoted word and is sourced ({@code .}) from a here-document at the
 * top level of the shell, inside a function: {@code cd}, {@code export}, functions and {@code set} options stay
 * for the next block, a heredoc or a loop parses as typed, and nothing forks. The here-document starts with as
 * many empty lines as put the script's first line at its runbook line, and is sourced through a link named like
 * the runbook in the session's folder on the target, so the shell's own error lines read
 * {@code .../deploy.md: line 42: foo: command not found}.
 *
 * <p>Failed commands are found with an ERR trap (inherited by functions: {@code set -E}), acting only in the
 * shell's own process and only while the block runs: each prints a record ({@code !exit line command}) on the
 * shell's real stderr, and unless the block keeps terminal semantics the first one ends the block by returning
 * from every function up to the block's own (a block that turned on {@code set -e} itself stops there too; the
 * trap turns it off first, so the shell survives, and the next block gets it back). The block's stderr is joined
 * to its stdout, so one stream carries its output in the order it was written; the shell's own stderr carries
 * only the protocol: failure records, the state the shell ends with, sentinels.
 *
 * <p>After the script, two sentinels (stdout with the exit code, stderr without) mark the end of the output.
 * Everything after the script word is one line: a shell reading its input byte by byte (bash on a pipe) has
 * then read all of it before the block runs, so an interactive block that reads stdin cannot swallow it. xtrace,
 * verbose and errexit are switched off between blocks and back on inside the next one, so none of the protocol's
 * own lines (an export of a secret value above all) is ever traced or echoed.
 *
 * <p>An interactive block (stdin attached) shares its stdin with the shell, so two more markers keep what the
 * operator types from ever running as a command: a ready marker on stderr just before the block runs, once the shell
 * has read the whole text ({@link InputGate} sends nothing before it: busybox sh reads its input in chunks and would
 * take typed text for commands), and after the sentinels a loop that reads away whatever the block left unread, up
 * to the end marker the session writes when the block has ended.
 */
final class BlockScript {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** What a link's name cannot hold; compiled once, not for every block. */
	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private static final Pattern LEADING_DOT = Pattern.compile("^\\.");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String PREFIX = "__RBS_";

	/**
	 * The supervisor's folder ({@link ShellLaunch}) made read-only with the protocol: the eof check there is what
	 * stops a line the tool could not finish, so no block may turn it off for the blocks after it.
	 */
	private static final String GUARDED = "readonly __rb_d\n";

	private static final String READY_PREFIX = "__RBR_";

	private static final String INPUT_END_PREFIX = "__RBE_";

	/** The fd the block's trap writes failure records to: the shell's real stderr (low fds are the block's). */
	private static final int RECORDS_FD = 19;

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

	/** What the block's marker file on the target holds while it runs and after it ended. */
	String token() {
		return this.nonce.substring(0, 16);
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
	 * The start-up probe, plain POSIX sh for any shell: its pid, whether it is bash, whether it has an ERR trap,
	 * the session folder the supervisor made ({@link ShellLaunch}), and the state it starts with.
	 */
	String hello() {
		return "command printf 'pid=%s shell=%s err=%s dir=%s\\n' \"$$\" \"${BASH_VERSION:+bash}\" "
				+ "\"$( (trap : ERR) 2>/dev/null && echo yes)\" \"${__rb_d-}\"; " + stateDump(true, this.nonce) + "; "
				+ sentinels(this.nonce, "0") + "\n";
	}

	/**
	 * The text for one block: the script and the block's settings as variables, then the protocol from the shell's
	 * memory: bash calls its function, other shells evaluate it ({@link #install}, which {@code install} prepends
	 * when true: once per shell, and for other shells than bash once per variant).
	 * @param request the block; its exports run while xtrace is off, so values never reach a trace
	 */
	String text(ExecRequest request, ShellDialect dialect, boolean install) {
		String script = request.script();
		StringBuilder text = new StringBuilder(script.length() + 512);
		if (install) {
			text.append(install(dialect, request.interactive()));
		}
		text.append("__rb_s=").append(quote(withoutFinalNewline(script))).append('\n');
		request.exports().forEach((name, value) -> {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("not a shell variable name: '" + name + "'");
			}
			text.append("export ").append(name).append('=').append(quote(value)).append('\n');
		});
		settings(request, text);
		String protocol = protocolVariable(request.interactive());
		String run = dialect == ShellDialect.BASH ? runFunction(request.interactive()) : "command eval \"$" + protocol + "\"";
		text.append("__rb_t=").append(this.nonce).append("; __rb_tk=").append(token())
			.append("; if [ -n \"${").append(protocol).append("-}\" ]; then ").append(run)
			.append("; else echo 'runbook-shell: the shell lost its protocol' >&2; exit 70; fi\n");
		return text.toString();
	}

	/**
	 * What makes a shell able to run blocks of one variant (interactive or not), kept in the shell's memory so
	 * that a block can neither change nor remove it: in bash read-only functions for both variants
	 * ({@link #functionsOnce}); in other shells the protocol's fixed text in a read-only variable, which each block's
	 * text evaluates. A shell reading a pipe reads its input one byte at a time: the two kilobytes of protocol cost
	 * that once per shell instead of once per block.
	 */
	static String install(ShellDialect dialect, boolean interactive) {
		if (installsBothVariants(dialect)) {
			return functionsOnce();
		}
		String protocol = protocolVariable(interactive);
		return GUARDED + protocol + "=" + quote(protocol(dialect, interactive)) + "; readonly " + protocol + "\n";
	}

	/** Whether {@link #install} makes the shell able to run blocks of both variants at once. */
	static boolean installsBothVariants(ShellDialect dialect) {
		return dialect == ShellDialect.BASH;
	}

	/**
	 * bash: the protocol as functions, defined once per shell and made read-only ({@code readonly -f}), so a block
	 * can neither redefine nor unset them; each block then only calls its variant's function. Evaluating the two
	 * kilobytes of protocol text again for every block cost bash a quarter of its time per block. The variables
	 * {@code __rb_pn}/{@code __rb_pi} stay as read-only markers: a shell that lost the protocol ({@code exec bash})
	 * says so and exits instead of leaving the block's sentinel unprinted.
	 */
	private static String functionsOnce() {
		StringBuilder text = new StringBuilder(4096).append(GUARDED);
		errorHandler(ShellDialect.BASH, text);
		functions(ShellDialect.BASH, text);
		for (boolean interactive : new boolean[] { false, true }) {
			text.append(runFunction(interactive)).append("() {\n");
			afterFunctions(ShellDialect.BASH, interactive, text);
			text.append("}\n");
		}
		return text.append("readonly -f __rb_err __rb_run ").append(runFunction(false)).append(' ')
			.append(runFunction(true)).append("; ").append(protocolVariable(false)).append("=1; ")
			.append(protocolVariable(true)).append("=1; readonly ").append(protocolVariable(false)).append(' ')
			.append(protocolVariable(true)).append('\n').toString();
	}

	/** bash's function that runs a block of one variant: {@link #afterFunctions} as its body. */
	private static String runFunction(boolean interactive) {
		return interactive ? "__rb_gi" : "__rb_gn";
	}

	private static String protocolVariable(boolean interactive) {
		return interactive ? "__rb_pi" : "__rb_pn";
	}

	/**
	 * Padding (as a count of lines: {@link #padding}), cd and failure rule, as variables the protocol reads. A failed {@code cd} sets the block's status
	 * itself: a shell without an ERR trap (dash) would otherwise report the 0 it started with.
	 */
	private static void settings(ExecRequest request, StringBuilder text) {
		// The options line needs a line of its own before the script (so `set -v` echoes the script's first line),
		// unless the script starts on line 1: then they share it.
		int first = request.origin() == null ? 1 : Math.max(1, request.origin().firstLine());
		String file = request.origin() == null ? "block" : linkName(request.origin().file());
		text.append("__rb_pc=").append(Math.max(0, first - 2)).append("; __rb_b=")
			.append(first == 1 ? "''" : quote("\n")).append("; __rb_c=")
			.append(request.cwd() == null ? "''" : quote("cd -- " + quote(request.cwd()) + " || { __rb_rc=$?; return $__rb_rc; }; "))
			.append("; __rb_m=").append(request.failures().stopAtFirst() ? "1" : "''")
			.append("; __rb_a=").append(quote(" " + request.failures().accepted().stream().sorted()
				.map(String::valueOf).collect(Collectors.joining(" ")) + " "))
			.append("; __rb_l=").append(quote(file)).append("; ");
	}

	/**
	 * The protocol's fixed part for shells other than bash, the same for every block of a shell: the nonce, token
	 * and settings are variables. It is evaluated as one line at the top level (functions, then the trailer), as if
	 * typed there.
	 */
	static String protocol(ShellDialect dialect, boolean interactive) {
		StringBuilder text = new StringBuilder(2048);
		if (dialect.trapsErrors()) {
			errorHandler(dialect, text);
		}
		functions(dialect, text);
		afterFunctions(dialect, interactive, text);
		return text.toString();
	}

	/** What runs one block once the functions are there: the runbook's link, the padding, the block, the trailer. */
	private static void afterFunctions(ShellDialect dialect, boolean interactive, StringBuilder text) {
		// A link named like the runbook makes the shell's error lines name it; without the folder (no
		// supervisor) the here-document is sourced through /dev/fd directly.
		text.append("__rb_src=/dev/fd/3; if [ -n \"${__rb_d-}\" ]; then [ -h \"$__rb_d/$__rb_l\" ] || ")
			.append("ln -s /dev/fd/3 \"$__rb_d/$__rb_l\" 2>/dev/null; [ ! -h \"$__rb_d/$__rb_l\" ] || ")
			.append("__rb_src=$__rb_d/$__rb_l; fi; ");
		padding(text);
		trailer(interactive, dialect, text);
	}

	/**
	 * {@code __rb_p}: the {@code __rb_pc} empty lines that put a script's first line at its runbook line, made by
	 * doubling (a dozen steps for line 4000). Sent as text they were read from the pipe one byte per read(2): a
	 * block at line 1200 cost 1200 system calls before it ran.
	 */
	private static void padding(StringBuilder text) {
		text.append("__rb_p=; __rb_q='\n'; __rb_i=${__rb_pc:-0}; while [ \"$__rb_i\" -gt 0 ]; do ")
			.append("case $((__rb_i % 2)) in 1) __rb_p=$__rb_p$__rb_q ;; esac; __rb_q=$__rb_q$__rb_q; ")
			.append("__rb_i=$((__rb_i / 2)); done; ");
	}

	/**
	 * {@code __rb_err LINENO FUNCNAME COMMAND}, called by the ERR trap with the failed status in {@code __rb_e}:
	 * returns 0 when the trap must return from the function it fired in (the block stops), 2 when it fired on the
	 * block's own function (its status is the block's), 1 to let the block go on.
	 */
	private static void errorHandler(ShellDialect dialect, StringBuilder text) {
		String command = dialect == ShellDialect.BASH ? "\"${3//[[:cntrl:]]/ }\"" : "\"$3\"";
		text.append("__rb_err() { [ -n \"${__rb_in-}\" ] && [ -n \"$2\" ] && [ \"${BASHPID-$$}\" = \"$$\" ] || return 1; ");
		if (installsBothVariants(dialect)) {
			// The trailer runs in a function of its own there: a failure in it is no failure of the block.
			text.append("case $2 in __rb_g[ni]) return 1 ;; esac; ");
		}
		text
			.append("case $- in *e*) set +e; __rb_we=e ;; esac; [ \"$2\" != __rb_run ] || return 2; ")
			.append("if [ -z \"$__rb_k\" ]; then case \"$__rb_a\" in *\" $__rb_e \"*) return 1 ;; esac; ")
			.append("__rb_n=$((__rb_n + 1)); command printf '\\036%s%s!%s %s %s\\n' ").append(PREFIX)
			.append(" \"$__rb_t\" \"$__rb_e\" \"$1\" ").append(command).append(" >&").append(RECORDS_FD)
			.append(" 2>/dev/null; case \"$__rb_m$__rb_we\" in *1*|*e*) __rb_k=1 ;; esac; fi; [ -n \"$__rb_k\" ]; }\n");
	}

	/**
	 * {@code __rb_run} sources the block. In bash the block's top level is FUNCNAME {@code source}, so a failure
	 * of the {@code .} itself is told apart by FUNCNAME {@code __rb_run}; busybox sh names the enclosing function
	 * inside a sourced file, so there the {@code .} sits one function deeper, and a last line (hidden from xtrace)
	 * keeps the block's own final status from looking like a failure of the {@code .}. The here-document's
	 * delimiter is fixed: its body is expanded only when the block runs, so no script can end it early.
	 */
	private static void functions(ShellDialect dialect, StringBuilder text) {
		String start = "__rb_rc=0; __rb_n=0; __rb_k=; __rb_we=; __rb_in=1; ";
		String delimiter = "__RBH_END";
		String body = "$__rb_p$__rb_c${__rb_o-}$__rb_b$__rb_s\n";
		if (dialect == ShellDialect.BASH) {
			text.append("__rb_run() { ").append(start).append(". \"$__rb_src\" 3<<").append(delimiter).append('\n')
				.append(body).append(delimiter).append("\n}\n");
		}
		else {
			text.append("__rb_source() { . \"$__rb_src\" 3<<").append(delimiter).append('\n').append(body)
				.append("{ __rb_rc=\\$?; } 2>/dev/null\n").append(delimiter).append("\n}\n");
			text.append("__rb_run() { ").append(start).append("__rb_source; }\n");
		}
	}

	private static void trailer(boolean interactive, ShellDialect dialect, StringBuilder text) {
		if (dialect.trapsErrors()) {
			text.append("trap '__rb_e=$?; __rb_err \"$LINENO\" \"${FUNCNAME-}\" \"${BASH_COMMAND-}\"; case $? in ")
				.append("0) return \"$__rb_e\" ;; 2) __rb_rc=$__rb_e; return 0 ;; esac' ERR; set -E; ");
		}
		// The block runs in a function so that an interrupt can end the whole block, not just the command that is
		// running: the shell gets INT first (the trap waits for the running command), then the command does.
		// In bash the trailer is a function: an interrupt that comes as the block ends must not return from it
		// before the sentinels (at the top level of other shells, that return fails and changes nothing).
		text.append(installsBothVariants(dialect)
				? "trap '__rb_k=1; case ${FUNCNAME-} in __rb_g[ni]) ;; *) return 130 2>/dev/null ;; esac' INT; "
				: "trap '__rb_k=1; return 130 2>/dev/null' INT; ");
		// The marker file tells a later run which block this shell runs; the supervisor kills a block that still
		// runs when the connection ends, and writes eof first: a block read after that must not start.
		// It is overwritten in place, one line of fixed width: truncating it would make ext4 write it out to disk
		// at once (its guard for files replaced by truncation), twice per block.
		text.append("[ -z \"${__rb_d-}\" ] || { command printf '%-63s\\n' \"running $__rb_tk $$\" 2>/dev/null ")
			.append("1<> \"$__rb_d/.block\"; [ ! -e \"$__rb_d/.eof\" ] || exit 1; } 2>/dev/null; __rb_w=$PWD; ");
		if (interactive) {
			// From two words, like the sentinel, so that `set -v` echoing this line cannot fake it.
			text.append("command printf '\\036%s%s\\n' ").append(READY_PREFIX).append(" \"$__rb_t\" >&2; ");
		}
		text.append("__rb_run ").append(RECORDS_FD).append(">&2 2>&1").append(interactive ? "" : " </dev/null");
		text.append("; { __rb_o=; case \"$-${__rb_we-}\" in *e*) __rb_o='set -e;' ;; esac; ")
			.append("case $- in *x*) __rb_o=\"$__rb_o set -x;\" ;; esac; case $- in *v*) __rb_o=\"$__rb_o set -v;\" ;; esac; ")
			.append("set +e +x +v; __rb_in=; } 2>/dev/null");
		// A block given a folder to run in is sourced after a cd there; the shell returns to where it was.
		text.append("; [ -z \"$__rb_c\" ] || cd -- \"$__rb_w\" 2>/dev/null");
		text.append("; [ -z \"${__rb_d-}\" ] || command printf '%-63s\\n' \"done $__rb_tk $__rb_rc $__rb_n\"")
			.append(" 2>/dev/null 1<> \"$__rb_d/.block\"");
		text.append("; ").append(stateDump(dialect == ShellDialect.BASH, "\"$__rb_t\"")).append("; ")
			.append(sentinels("\"$__rb_t\"", "\"$__rb_rc\""));
		if (interactive) {
			text.append("; while IFS= read -r __rb_i; do case $__rb_i in *").append(INPUT_END_PREFIX)
				.append("\"$__rb_t\"*) break ;; esac; done; unset __rb_i");
		}
		text.append('\n');
	}

	/** The shell's state on its stderr, as {@link ShellStateDump} reads it, up to the stderr sentinel. */
	private static String stateDump(boolean functions, String nonce) {
		return "{ command printf '\\036%s%s=\\n%s\\n\\036E\\n' " + PREFIX + " " + nonce + " \"$PWD\"; command export -p"
				+ (functions ? "; command printf '\\036F\\n'; command declare -f" : "") + "; } >&2 2>/dev/null";
	}

	/** Printed from two words each, so that `set -v` echoing the line cannot fake them. */
	private static String sentinels(String nonce, String code) {
		return "command printf '\\036%s%s %d\\n' " + PREFIX + " " + nonce + " " + code
				+ "; command printf '\\036%s%s\\n' " + PREFIX + " " + nonce + " >&2";
	}

	/**
	 * The protocol ends the script's last line itself: a newline of the script's own would make an empty line,
	 * which {@code set -v} echoes into the block's output. Kept after a line continued by a backslash: without it
	 * the protocol's next line would join the block's last one (a syntax error that ends dash and busybox sh).
	 */
	static String withoutFinalNewline(String script) {
		if (!script.endsWith("\n")) {
			return script;
		}
		int backslashes = 0;
		for (int i = script.length() - 2; i >= 0 && script.charAt(i) == '\\'; i--) {
			backslashes++;
		}
		return backslashes % 2 == 1 ? script : script.substring(0, script.length() - 1);
	}

	/** The runbook's file name as the link's name: no folder, nothing a shell word or a path cannot hold. */
	private static String linkName(String file) {
		// The supervisor's own files start with a dot; a link never does.
		String name = LEADING_DOT.matcher(CONTROL.matcher(file.substring(file.lastIndexOf('/') + 1)).replaceAll("_"))
			.replaceFirst("_");
		return name.isEmpty() ? "runbook" : name;
	}

	private static String quote(String value) {
		return ShellQuoting.singleQuoted(value);
	}

}
