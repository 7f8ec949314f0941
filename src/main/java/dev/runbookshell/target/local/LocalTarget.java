package dev.runbookshell.target.local;

import java.nio.file.Path;

import dev.runbookshell.target.SentinelShellSession;
import dev.runbookshell.target.Target;
import dev.runbookshell.target.TargetException;
import dev.runbookshell.target.TargetPrompts;
import dev.runbookshell.target.TargetSession;

/**
 * This machine: a bash (or sh) child process started in {@code cwd}.
 *
 * @param name the operator's name for it
 * @param cwd where the shell starts
 * @param shell {@code bash}, {@code sh}, or null for bash when installed
 */
public record LocalTarget(String name, Path cwd, String shell) implements Target {

	@Override
	public String uri() {
		return "local";
	}

	@Override
	public TargetSession open(TargetPrompts prompts) throws TargetException {
		return SentinelShellSession.open(new LocalTransport(this.cwd), this.shell);
	}

}
