package io.pushloss.analysis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Settings of the week-over-week analysis (the anomaly thresholds are {@link AnomalyThresholds}).
 *
 * @param topMovers how many codes are listed as largest increases and as largest decreases
 * ({@code pushloss.analysis.top-movers}, default 5)
 * @param topCodesPerTask how many codes are listed per push-to-all task
 * ({@code pushloss.analysis.top-codes-per-task}, default 3)
 * @param catalogue the remediation catalogue ({@code pushloss.analysis.catalogue}, default the bundled
 * {@code classpath:remediation-catalogue.yml}; a {@code file:} location replaces it)
 */
@ConfigurationProperties("pushloss.analysis")
public record AnalysisProperties(@DefaultValue("5") int topMovers, @DefaultValue("3") int topCodesPerTask,
		@DefaultValue(RemediationCatalogue.BUNDLED) Resource catalogue) {

	public AnalysisProperties {
		if (topMovers < 0 || topCodesPerTask < 0) {
			throw new IllegalArgumentException("pushloss.analysis.top-movers and top-codes-per-task must not be "
					+ "negative: " + topMovers + ", " + topCodesPerTask);
		}
	}

}
