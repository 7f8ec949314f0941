package dev.runbookshell.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AliveCheckTest {

	@Test
	void byDefaultAStalledLinkIsFoundWithinThirtySeconds() {
		AliveCheck check = AliveCheck.of(Map.of());

		assertThat(check).isEqualTo(AliveCheck.DEFAULT);
		assertThat(check.detectionBound()).isLessThanOrEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void theTargetOptionsSetTheIntervalInSecondsAndTheUnansweredCount() {
		AliveCheck check = AliveCheck.of(Map.of("keep-alive", "2", "keep-alive-max", "6"));

		assertThat(check.interval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(check.maxMissed()).isEqualTo(6);
		assertThat(check.unanswered("ping")).isEqualTo("no answer to 6 pings 2 s apart");
	}

	@Test
	void anIntervalThatIsNotAWholeNumberOfSecondsIsRefusedNamingTheOption() {
		assertThatIllegalArgumentException().isThrownBy(() -> AliveCheck.of(Map.of("keep-alive", "5s")))
			.withMessage("keep-alive must be a whole number of at least 1 (seconds), not '5s'");
		assertThatIllegalArgumentException().isThrownBy(() -> AliveCheck.of(Map.of("keep-alive-max", "0")))
			.withMessage("keep-alive-max must be a whole number of at least 1, not '0'");
	}

}
