package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.runbookshell.targets.TargetPrompts;
import dev.runbookshell.targets.TargetSession;
import dev.runbookshell.targets.local.LocalTarget;
import dev.runbookshell.targets.local.ThisMachine;

class OperatorTest {

	@Test
	void theLocalTargetsFingerprintNamesTheHostTheJournalSaysTheOperatorIsOn() throws Exception {
		try (TargetSession session = new LocalTarget("local", Path.of("").toAbsolutePath(), null)
			.open(TargetPrompts.refusing())) {
			assertThat(Operator.current().host()).isEqualTo(ThisMachine.hostName());
			assertThat(session.fingerprint()).isEqualTo("local:" + Operator.current().host());
		}
	}

}
