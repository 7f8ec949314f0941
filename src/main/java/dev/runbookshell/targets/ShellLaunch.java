package dev.runbookshell.targets;

/**
 * The command that starts the session's shell: bash where the target has it, POSIX sh otherwise (busybox), or
 * what the target's {@code shell} option asks for.
 */
final class ShellLaunch {

	private ShellLaunch() {
	}

	/**
	 * @param preference {@code bash}, {@code sh}, or null to pick bash when present
	 * @param login true to start a login shell (reads the profile, as an SSH terminal session does)
	 */
	static String command(String preference, boolean login) {
		String flag = login ? " -l" : "";
		if (preference == null || preference.isBlank()) {
			return "if command -v bash >/dev/null 2>&1; then exec bash" + flag + "; else exec sh" + flag + "; fi";
		}
		if (!preference.equals("bash") && !preference.equals("sh")) {
			throw new IllegalArgumentException("shell must be bash or sh, not '" + preference + "'");
		}
		return "exec " + preference + flag;
	}

}
