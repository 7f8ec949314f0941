package dev.runbookshell.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.runbookshell.runbook.FollowingCommands.Follower;

class FollowingCommandsTest {

	@Test
	void eachSimpleCommandIsReadByProgramAndArguments() {
		assertThat(kinds("sudo tail -F /var/log/syslog | grep -i error")).containsExactly(Optional.of(Follower.TAIL),
				Optional.empty());
		assertThat(kinds("docker compose -f prod.yml logs --follow web; kubectl logs -f pod/x"))
			.containsExactly(Optional.of(Follower.LOGS), Optional.of(Follower.LOGS));
		assertThat(kinds("journalctl -u app --since today && journalctl --follow -u app"))
			.containsExactly(Optional.empty(), Optional.of(Follower.JOURNALCTL));
		assertThat(kinds("/usr/bin/watch -n 5 df -h")).containsExactly(Optional.of(Follower.WATCH));
		assertThat(kinds("tail -n 100 app.log; docker logs --tail 50 web; logs -f")).containsOnly(Optional.empty());
	}

	@Test
	void aFollowerMentionedInAStringACommentOrAHereDocumentIsNone() {
		assertThat(FollowingCommands.anyIn("echo \"tail -f app.log\" # tail -f x\ncat <<EOF\nwatch date\nEOF"))
			.isFalse();
		assertThat(FollowingCommands.anyIn("cd /srv && tail -100f app.log")).isTrue();
	}

	private static List<Optional<Follower>> kinds(String text) {
		return SimpleCommands.of(text).commands().stream().map(FollowingCommands::of).toList();
	}

}
