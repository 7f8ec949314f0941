package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.DestructiveCommands;

/** The engine asks for typed confirmation exactly for what the one list (and lint) calls destructive. */
class RiskDetectorTest {

	@ParameterizedTest
	@ValueSource(strings = {
			"sudo sed -i 's/proxy_pass http:\\/\\/127.0.0.1:8000;/proxy_pass http:\\/\\/127.0.0.1:8001;/' /etc/nginx/sites-available/app",
			"sudo dd if=backup.img of=/dev/sdb bs=4M status=progress", "rm -rf /var/lib/app",
			"psql -c 'DROP TABLE users'", "sudo systemctl stop nginx", "docker compose down",
			"kubectl delete ns staging", "git push --force origin main" })
	void destructiveCommandsAreRiskyWithTheListsReason(String command) {
		assertThat(RiskDetector.detect(command)).isNotNull()
			.isEqualTo(DestructiveCommands.first(command).orElseThrow().what());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ls -la /etc/", "cat /etc/hosts", "rm old.log", "systemctl status nginx",
			"# rm -rf / is what we never do", "docker compose up -d", "git push origin main", "grep -r x /etc/" })
	void everydayCommandsAreNot(String command) {
		assertThat(RiskDetector.detect(command)).isNull();
	}

	@Test
	void confirmAnnotationDecides() {
		Block typed = Runbooks.runbook().block("1.1", "a", "echo hi", "confirm=typed").build().blocks().get(0);
		Block never = Runbooks.runbook().block("1.1", "a", "rm -rf x", "confirm=never").build().blocks().get(0);

		assertThat(RiskDetector.risk(typed, typed.command())).isEqualTo("confirm=typed");
		assertThat(RiskDetector.risk(never, never.command())).isNull();
	}

}
