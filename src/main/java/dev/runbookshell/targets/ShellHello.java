package dev.runbookshell.targets;

import java.util.Map;

/**
 * What the shell said at start-up ({@link BlockScript#hello()}): its pid, what it can do, the session folder its
 * supervisor made (empty without one), and the state it starts with, against which blocks' state is measured.
 */
record ShellHello(long pid, ShellDialect dialect, String dir, ShellState initial) {

	/** @throws IllegalArgumentException when the line is not the probe's */
	static ShellHello parse(String stdout, byte[] state) {
		String[] lines = stdout.strip().split("\n");
		String hello = lines[lines.length - 1];
		if (!hello.startsWith("pid=")) {
			throw new IllegalArgumentException("unexpected start-up line: " + hello);
		}
		String pid = field(hello, "pid=");
		boolean bash = "bash".equals(field(hello, "shell="));
		boolean errTrap = "yes".equals(field(hello, "err="));
		ShellState initial = state == null ? new ShellState("", Map.of(), Map.of(), false) : ShellStateDump.parse(state);
		int dir = hello.indexOf(" dir=");
		return new ShellHello(Long.parseLong(pid), ShellDialect.of(bash, errTrap),
				dir < 0 ? "" : hello.substring(dir + 5).strip(), initial);
	}

	private static String field(String line, String name) {
		int at = line.indexOf(name);
		if (at < 0) {
			return "";
		}
		int end = line.indexOf(' ', at);
		return line.substring(at + name.length(), end < 0 ? line.length() : end);
	}

	/** The marker file of the block the shell runs, or null without a session folder. */
	String markerFile() {
		return this.dir.isEmpty() ? null : this.dir + "/.block";
	}

}
