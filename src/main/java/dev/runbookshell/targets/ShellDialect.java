package dev.runbookshell.targets;

/**
 * What the shell on a target can do for the protocol, learnt from its start-up probe. Failed commands are found
 * by an ERR trap, which bash and busybox sh have and POSIX sh (dash) has not.
 */
enum ShellDialect {

	/** bash: ERR trap, function names, the failed command's text, {@code declare -f} for functions. */
	BASH,
	/** busybox sh (ash): ERR trap and function names, but no command text and no way to list functions. */
	ASH,
	/** Other POSIX sh (dash): no ERR trap; a block is judged by the exit status of its last command. */
	PLAIN;

	boolean trapsErrors() {
		return this != PLAIN;
	}

	static ShellDialect of(boolean bash, boolean errTrap) {
		return bash ? BASH : errTrap ? ASH : PLAIN;
	}

}
