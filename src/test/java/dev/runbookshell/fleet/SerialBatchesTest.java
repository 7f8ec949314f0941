package dev.runbookshell.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** {@code --serial} and {@code --max-fail} as Ansible reads serial and max_fail_percentage. */
class SerialBatchesTest {

	private static final List<Integer> TWENTY = IntStream.rangeClosed(1, 20).boxed().toList();

	@Test
	void aCanaryThenAQuarterThenTheRestTheLastSizeRepeating() {
		assertThat(SerialBatches.parse("1,25%,100%").split(TWENTY)).extracting(List::size).containsExactly(1, 5, 14);
		assertThat(SerialBatches.parse("3").split(TWENTY.subList(0, 7))).extracting(List::size)
			.containsExactly(3, 3, 1);
		assertThat(SerialBatches.parse("10%").split(TWENTY.subList(0, 3))).extracting(List::size)
			.containsExactly(1, 1, 1);
	}

	@Test
	void withoutSerialAllHostsAreOneBatch() {
		assertThat(SerialBatches.parse(null).split(TWENTY)).hasSize(1).first().isEqualTo(TWENTY);
	}

	@Test
	void aSizeThatIsNoCountOrPercentageIsRefused() {
		assertThatThrownBy(() -> SerialBatches.parse("1,0%")).isInstanceOf(FleetException.class)
			.hasMessageContaining("'0%' is not a batch size");
		assertThatThrownBy(() -> SerialBatches.parse("x")).isInstanceOf(FleetException.class);
	}

	@Test
	void maxFailAllowsItsShareOfAllHostsRoundedDown() {
		assertThat(FailureBudget.parse(null).exceeded(1, 20)).isTrue();
		assertThat(FailureBudget.parse("10%").allowed(20)).isEqualTo(2);
		assertThat(FailureBudget.parse("10").exceeded(2, 20)).isFalse();
		assertThat(FailureBudget.parse("10%").exceeded(3, 20)).isTrue();
		assertThatThrownBy(() -> FailureBudget.parse("150%")).isInstanceOf(FleetException.class)
			.hasMessage("--max-fail 150%: not a percentage from 0% to 100%");
	}

}
