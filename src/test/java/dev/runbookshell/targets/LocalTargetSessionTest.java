package dev.runbookshell.targets;

import java.nio.file.Path;

import dev.runbookshell.targets.local.LocalTarget;

class LocalTargetSessionTest extends TargetSessionContract {

	@Override
	protected Target target() {
		return new LocalTarget("local", Path.of("").toAbsolutePath(), null);
	}

	@Override
	protected String expectedShell() {
		return "bash";
	}

}
