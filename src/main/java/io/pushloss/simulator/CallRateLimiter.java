package io.pushloss.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.pushloss.api.LossSource;

/**
 * The vendor's frequency limit: one call per {@code 1 / callsPerSecond} seconds per (SDKAppID, API), measured on
 * arrival. Every call counts, including rejected ones, so a client hammering the API stays rejected until it waits.
 */
final class CallRateLimiter {

	static final int FREQUENCY_EXCEEDED = 60007;

	private final long minIntervalNanos;

	private final Map<String, Instant> lastArrival = new ConcurrentHashMap<>();

	CallRateLimiter(double callsPerSecond) {
		this.minIntervalNanos = Double.isInfinite(callsPerSecond) ? 0 : (long) Math.ceil(1e9 / callsPerSecond);
	}

	/** Records the arrival and rejects it when the previous call of the same key came too recently. */
	void admit(String sdkAppId, LossSource source, Instant arrival) {
		if (this.minIntervalNanos == 0) {
			return;
		}
		Instant previous = this.lastArrival.put(sdkAppId + "/" + source.apiName(), arrival);
		if (previous != null && previous.plusNanos(this.minIntervalNanos).isAfter(arrival)) {
			throw new RejectedCallException(FREQUENCY_EXCEEDED,
					"call frequency exceeded: at most one call per " + Duration.ofNanos(this.minIntervalNanos)
							.toMillis() + " ms on " + source.apiName());
		}
	}

}
