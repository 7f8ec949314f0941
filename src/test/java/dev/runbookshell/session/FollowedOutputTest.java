package dev.runbookshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.runbookshell.journal.BlockStatus;
import dev.runbookshell.runbook.Block;
import dev.runbookshell.runbook.DurationText;
import dev.runbookshell.session.SessionListener.BlockReport;

class FollowedOutputTest {

	@ParameterizedTest
	@ValueSource(strings = { "docker-compose -f docker-compose.test.yml logs -f web", "sudo tail -f /var/log/x.log",
			"tail -n 100 -F app.log", "sudo journalctl -u app -f", "kubectl logs --follow deploy/web",
			"watch -n 5 'docker ps'", "tail -100f app.log", "cd /srv && watch -n1 date",
			"sudo -u app journalctl -fu app" })
	void commandsThatFollowOutputAreRecognised(String command) {
		assertThat(FollowedOutput.follows(block(command), command)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "docker-compose logs web", "tail -n 20 app.log", "journalctl -u app --since today",
			"# then: tail -f app.log\necho done", "docker logs --tail 50 web",
			"echo 'then run: tail -f app.log'", "cat > note.txt <<EOF\ntail -f app.log\nEOF" })
	void commandsThatEndOnTheirOwnAreNot(String command) {
		assertThat(FollowedOutput.follows(block(command), command)).isFalse();
	}

	@Test
	void theAnnotationDecides() {
		assertThat(FollowedOutput.follows(block("my-stream", "follow=true"), "my-stream")).isTrue();
		assertThat(FollowedOutput.follows(block("tail -f x", "follow=false"), "tail -f x")).isFalse();
		assertThat(FollowedOutput.follows(block("my-stream", "follow=YES"), "my-stream")).isTrue();
		assertThat(FollowedOutput.follows(block("tail -f x", "follow=no"), "tail -f x")).isFalse();
		assertThat(FollowedOutput.follows(block("tail -f x", "follow=maybe"), "tail -f x")).isFalse();
	}

	@Test
	void anInterruptedFollowingBlockIsStoppedAndSaysAfterHowLong() {
		Block block = block("tail -f x");
		BlockReport interrupted = new BlockReport(block, BlockStatus.INTERRUPTED, 130, Duration.ofSeconds(53),
				List.of(), "interrupted");

		BlockReport stopped = FollowedOutput.settle(interrupted);

		assertThat(stopped.status()).isEqualTo(BlockStatus.STOPPED);
		assertThat(stopped.message()).isEqualTo("stopped by the operator after 53 s");
		assertThat(DurationText.seconds(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
	}

	private static Block block(String command, String... annotations) {
		return Runbooks.runbook().block("1.1", "b", command, annotations).build().blocks().get(0);
	}

}
