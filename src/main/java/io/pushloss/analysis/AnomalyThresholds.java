package io.pushloss.analysis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a code's count this week is an anomaly against its baseline (W-1 back to W-n). All three conditions must
 * hold, so a stable code with a tiny standard deviation, a code that merely doubles from a handful, and a brand-new
 * code with a small count are not flagged:
 * <ol>
 * <li>{@code count > mean + sigmas * stdDev} (unusual for this code),</li>
 * <li>{@code count > meanFactor * mean} (a large relative jump),</li>
 * <li>{@code count - mean > minAbsolute} (enough lost pushes to matter).</li>
 * </ol>
 * With an all-zero baseline (mean and deviation 0) only the third condition decides.
 *
 * @param sigmas standard deviations above the mean ({@code pushloss.analysis.anomaly.sigmas}, default 3)
 * @param meanFactor multiple of the mean ({@code pushloss.analysis.anomaly.mean-factor}, default 2)
 * @param minAbsolute lost pushes above the mean ({@code pushloss.analysis.anomaly.min-absolute}, default 100)
 */
@ConfigurationProperties("pushloss.analysis.anomaly")
public record AnomalyThresholds(@DefaultValue("3") double sigmas, @DefaultValue("2") double meanFactor,
		@DefaultValue("100") long minAbsolute) {

	/** The documented defaults. */
	public static final AnomalyThresholds DEFAULTS = new AnomalyThresholds(3, 2, 100);

	public AnomalyThresholds {
		if (sigmas < 0 || meanFactor < 0 || minAbsolute < 0) {
			throw new IllegalArgumentException("pushloss.analysis.anomaly thresholds must not be negative: sigmas="
					+ sigmas + ", mean-factor=" + meanFactor + ", min-absolute=" + minAbsolute);
		}
	}

	/** Whether {@code count} (this week) is an anomaly against the baseline. */
	public boolean isAnomaly(long count, Baseline baseline) {
		double mean = baseline.mean();
		return count > mean + this.sigmas * baseline.stdDev() && count > this.meanFactor * mean
				&& count - mean > this.minAbsolute;
	}

}
