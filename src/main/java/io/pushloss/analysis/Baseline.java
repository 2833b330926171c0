package io.pushloss.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A code's counts over the trailing baseline weeks (W-1 back to W-n), the reference for anomalies.
 *
 * @param weeklyCounts counts per baseline week, most recent (W-1) first
 * @param mean the mean of {@code weeklyCounts}
 * @param stdDev the population standard deviation of {@code weeklyCounts}
 */
public record Baseline(List<Long> weeklyCounts, double mean, double stdDev) {

	public Baseline {
		weeklyCounts = List.copyOf(weeklyCounts);
	}

	/**
	 * The baseline as readers see it: the mean in whole lost pushes, rounded half up (1,278.5 is 1,279; 0.4 is 0).
	 * Anomalies are still decided on the exact mean.
	 */
	public long rounded() {
		return BigDecimal.valueOf(this.mean).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

	/** Computes mean and standard deviation of the given counts (most recent first). */
	public static Baseline of(List<Long> weeklyCounts) {
		if (weeklyCounts.isEmpty()) {
			return new Baseline(weeklyCounts, 0, 0);
		}
		// in double: LongStream.average() adds in long and would wrap for counts near 2^63
		double mean = weeklyCounts.stream().mapToDouble(Long::doubleValue).average().orElse(0);
		double variance = weeklyCounts.stream().mapToDouble((c) -> (c - mean) * (c - mean)).sum()
				/ weeklyCounts.size();
		return new Baseline(weeklyCounts, mean, Math.sqrt(variance));
	}

}
