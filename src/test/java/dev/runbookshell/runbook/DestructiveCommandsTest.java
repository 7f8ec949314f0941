package dev.runbookshell.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.runbookshell.runbook.DestructiveCommands.Kind;
import dev.runbookshell.runbook.DestructiveCommands.Risk;

class DestructiveCommandsTest {

	@ParameterizedTest
	@CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
			"sudo sed -i 's/proxy_pass http:\\/\\/127.0.0.1:8000;/proxy_pass http:\\/\\/127.0.0.1:8001;/' /etc/nginx/sites-available/app => CONFIG => in-place edit of /etc/nginx/sites-available/app (sed -i)",
			"sed -i.bak -e 's|a|b|' /etc/ssh/sshd_config => CONFIG => in-place edit of /etc/ssh/sshd_config (sed -i)",
			"sudo perl -pi -e 's/a/b/' /etc/hosts => CONFIG => in-place edit of /etc/hosts (perl -i)",
			"echo 1 > /etc/sysctl.d/99-x.conf => CONFIG => write to /etc/sysctl.d/99-x.conf (>)",
			"sudo sh -c 'echo 1 >> /etc/sysctl.conf' => CONFIG => write to /etc/sysctl.conf (>>)",
			"echo '10.0.0.1 db' | sudo tee -a /etc/hosts => CONFIG => write to /etc/hosts (tee)",
			"sudo cp app.conf /etc/nginx/sites-enabled/ => CONFIG => overwrites /etc/nginx/sites-enabled/ (cp)",
			"sudo rm /etc/nginx/sites-enabled/default => CONFIG => deletes /etc/nginx/sites-enabled/default (rm)",
			"sudo mv /etc/systemd/system/app.service /opt/archive/ => CONFIG => moves /etc/systemd/system/app.service away from /etc (mv)",
			"mv -t /srv/old /etc/cron.d/refresh => CONFIG => moves /etc/cron.d/refresh away from /etc (mv)",
			"sudo dd if=image.iso of=/dev/sdb bs=4M => DATA => dd onto /dev/sdb",
			"mkfs.ext4 /dev/sdb1 => DATA => mkfs.ext4 /dev/sdb1",
			"psql -c 'DROP TABLE users' => DATA => DROP TABLE users",
			"mysql -e \"truncate table sessions\" app => DATA => truncate table sessions",
			"rm -rf /var/lib/app => DATA => rm -rf /var/lib/app",
			"sudo rm -r -f old => DATA => rm -r -f old",
			"find /tmp -name '*.log' -exec rm -rf {} + => DATA => rm -rf {} +",
			"sudo systemctl stop nginx => SERVICE => systemctl stop nginx",
			"systemctl disable --now app => SERVICE => systemctl disable --now app",
			"service postgresql stop => SERVICE => service postgresql stop",
			"docker-compose down => SERVICE => docker-compose down",
			"docker compose -f prod.yml down -v => DATA => deletes volumes (docker compose -f prod.yml down -v)",
			"docker rm -f web => SERVICE => docker rm -f web",
			"docker volume rm pgdata => DATA => docker volume rm pgdata",
			"kubectl -n prod delete deployment web => DATA => kubectl -n prod delete deployment web",
			"git push --force origin main => DATA => git push --force origin main",
			"git push origin +main => DATA => git push origin +main",
			"truncate -s 0 /var/log/app.log => DATA => truncate -s 0 /var/log/app.log",
			"helm upgrade web chart --force => FORCE => --force (helm upgrade web chart --force)",
			"ssh db1 'sudo systemctl stop postgresql' => SERVICE => systemctl stop postgresql",
			"redis-cli FLUSHALL => DATA => FLUSHALL",
			"sudo reboot => SERVICE => reboot" })
	void destructiveCommandsAreOnTheList(String command, Kind kind, String what) {
		assertThat(DestructiveCommands.first(command)).hasValueSatisfying(risk -> {
			assertThat(risk.kind()).isEqualTo(kind);
			assertThat(risk.what()).isEqualTo(what);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "ls -la /etc/", "cat /etc/hosts", "rm old.log", "rm -f build.log", "systemctl status nginx",
			"# rm -rf / is what we never do", "docker compose up -d", "git push origin main", "grep -r x /etc/",
			"sudo cp /etc/nginx/nginx.conf /root/nginx.conf.bak", "sudo mv venv /opt/archive/venv_1", "sed -n '/x/p' /etc/hosts", "sed -i 's/a/b/' app.conf",
			"dd if=/dev/zero of=/dev/null count=1", "docker run --rm alpine true", "kubectl get pods",
			"echo 'drop the old logs' > notes.txt", "cat <<'EOF' > x.sql\n-- no statement here\nEOF" })
	void everydayCommandsAreNot(String command) {
		assertThat(DestructiveCommands.first(command)).isEmpty();
	}

	@Test
	void aStatementInAHereDocumentIsFoundOnItsLine() {
		assertThat(DestructiveCommands.find("psql app <<'SQL'\nSELECT 1;\nDROP TABLE old_users;\nSQL\n"))
			.extracting(Risk::line, Risk::what)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "DROP TABLE old_users"));
	}

	@Test
	void everyDestructiveCommandOfABlockIsFoundWithItsLine() {
		assertThat(DestructiveCommands.find("""
				cd /srv
				sudo systemctl stop app && rm -rf /srv/app/cache
				echo done
				sudo sed -i 's/a/b/' /etc/app.conf
				""")).extracting(Risk::line).containsExactly(1, 1, 3);
	}

	@Test
	void aRedirectionWhoseTargetIsAnotherRedirectionIsNoError() {
		// found by bench/fuzz: "> 2>x" threw IndexOutOfBoundsException
		assertThat(DestructiveCommands.find("echo a > 2>/etc/x\necho b >>1> /etc/y")).isNotNull();
		assertThat(SimpleCommands.of("cat > 2>&1").commands()).hasSize(1);
	}

	@Test
	void aLongCommandIsReadInLinearTime() {
		String words = "rm a ".repeat(200_000) + "; tail x ".repeat(100_000);
		long start = System.nanoTime();
		DestructiveCommands.find(words);
		assertThat((System.nanoTime() - start) / 1_000_000).as("ms for 1.9 MB").isLessThan(5_000);
	}

}
