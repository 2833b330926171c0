package io.pushloss.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnomalyThresholdsTests {

	private final AnomalyThresholds thresholds = AnomalyThresholds.DEFAULTS;

	@Test
	void countFarAboveAStableBaselineIsAnAnomaly() {
		Baseline baseline = Baseline.of(List.of(600L, 550L, 640L, 610L));
		assertThat(this.thresholds.isAnomaly(2400, baseline)).isTrue();
	}

	@Test
	void countWithinThreeSigmasIsNoAnomalyEvenIfDoubledAndLarge() {
		// mean 1000, sigma 1000: 2500 is 2.5x the mean and 1500 above it, but not above mean + 3 sigma (4000)
		Baseline baseline = Baseline.of(List.of(0L, 2000L, 0L, 2000L));
		assertThat(baseline.stdDev()).isEqualTo(1000);
		assertThat(this.thresholds.isAnomaly(2500, baseline)).isFalse();
		assertThat(this.thresholds.isAnomaly(4001, baseline)).isTrue();
	}

	@Test
	void countBelowTwiceTheMeanIsNoAnomalyEvenIfManySigmasAndLarge() {
		// mean 10000, sigma 0: 15000 is far above mean + 3 sigma and 5000 above the mean, but under 2x the mean
		Baseline baseline = Baseline.of(List.of(10000L, 10000L, 10000L));
		assertThat(this.thresholds.isAnomaly(15000, baseline)).isFalse();
		assertThat(this.thresholds.isAnomaly(20001, baseline)).isTrue();
	}

	@Test
	void smallAbsoluteIncreaseIsNoAnomalyEvenIfManySigmasAndDoubled() {
		// mean 10, sigma 0: 60 is 6x the mean and above mean + 3 sigma, but only 50 above the mean
		Baseline baseline = Baseline.of(List.of(10L, 10L, 10L, 10L));
		assertThat(this.thresholds.isAnomaly(60, baseline)).isFalse();
		assertThat(this.thresholds.isAnomaly(111, baseline)).isTrue();
	}

	@Test
	void brandNewCodeIsAnAnomalyOnlyAboveTheMinimumAbsoluteIncrease() {
		Baseline zero = Baseline.of(List.of(0L, 0L, 0L, 0L));
		assertThat(this.thresholds.isAnomaly(500, zero)).isTrue();
		assertThat(this.thresholds.isAnomaly(100, zero)).isFalse();
		assertThat(this.thresholds.isAnomaly(101, zero)).isTrue();
	}

	@Test
	void resolvedCodeIsNeverAnAnomaly() {
		assertThat(this.thresholds.isAnomaly(0, Baseline.of(List.of(0L)))).isFalse();
	}

	@Test
	void thresholdsAreConfigurable() {
		AnomalyThresholds lenient = new AnomalyThresholds(1, 1.5, 10);
		Baseline baseline = Baseline.of(List.of(10L, 10L, 10L, 10L));
		assertThat(lenient.isAnomaly(60, baseline)).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> new AnomalyThresholds(-1, 2, 100))
			.withMessageContaining("pushloss.analysis.anomaly");
	}

}
