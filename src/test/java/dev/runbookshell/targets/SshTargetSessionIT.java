package dev.runbookshell.targets;

import org.junit.jupiter.api.extension.RegisterExtension;

import dev.runbookshell.testsupport.OpenSshServerExtension;

class SshTargetSessionIT extends TargetSessionContract {

	@RegisterExtension
	static final OpenSshServerExtension SSHD = new OpenSshServerExtension();

	@Override
	protected Target target() {
		return new TargetFactory(System::getenv, SSHD.home())
			.create(new TargetDefinition("ssh-test", SSHD.uri(), SSHD.options()));
	}

	@Override
	protected String expectedShell() {
		return "bash";
	}

}
