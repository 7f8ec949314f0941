package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.runbookshell.runbook.Block;

class RiskDetectorTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "rm -rf /var/lib/app|rm -rf", "sudo rm -fr build|rm -rf",
			"rm -r -f old|rm -rf", "git push --force origin main|git push --force", "helm upgrade x --force|--force",
			"psql -c 'DROP TABLE users'|DROP", "mysql -e 'drop database app'|DROP",
			"sudo systemctl stop nginx|systemctl stop/disable", "systemctl disable --now app|systemctl stop/disable",
			"docker-compose down -v|docker compose down", "docker compose -f x.yml down|docker compose down",
			"echo 1 > /etc/sysctl.d/x.conf|write under /etc", "sudo tee -a /etc/hosts < line.txt|write under /etc",
			"sudo cp app.conf /etc/nginx/sites-enabled/|write under /etc",
			"sudo sed -i 's/a/b/' /etc/ssh/sshd_config|write under /etc" })
	void destructiveCommandsAreRisky(String command, String reason) {
		assertThat(RiskDetector.detect(command)).isEqualTo(reason);
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
