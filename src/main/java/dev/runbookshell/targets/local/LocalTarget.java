package dev.runbookshell.targets.local;

import java.nio.file.Path;

import dev.runbookshell.targets.SentinelShellSession;
import dev.runbookshell.targets.Target;
import dev.runbookshell.targets.TargetException;
import dev.runbookshell.targets.TargetPrompts;
import dev.runbookshell.targets.TargetSession;

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
