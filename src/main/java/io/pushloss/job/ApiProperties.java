package io.pushloss.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the vendor API client (and of the embedded simulator's rate limit, which follows the client's).
 *
 * @param callsPerSecond calls per second per application and endpoint; the vendor allows 1
 * @param connectTimeout TCP connect timeout
 * @param readTimeout the longest a whole answer may take
 * @param maxAttempts attempts per window, the first included, for retryable errors
 * @param initialBackoff the first backoff; it doubles per retry, with jitter
 * @param maxBackoff the longest backoff
 */
@ConfigurationProperties("pushloss.api")
public record ApiProperties(@DefaultValue("1.0") double callsPerSecond, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("30s") Duration readTimeout, @DefaultValue("6") int maxAttempts,
		@DefaultValue("1s") Duration initialBackoff, @DefaultValue("60s") Duration maxBackoff) {

	public ApiProperties {
		if (callsPerSecond <= 0) {
			throw new IllegalArgumentException("pushloss.api.calls-per-second must be positive");
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("pushloss.api.max-attempts must be at least 1");
		}
	}

}
