package io.pushloss.api;

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
 * @param initialBackoff the first backoff; it doubles per retry, with jitter. Unset ({@code null}): one call
 * interval, {@code 1 / callsPerSecond} (1 s at the vendor's rate)
 * @param maxBackoff the longest backoff
 * @param simulatorCallsPerSecond the embedded simulator's frequency limit, or {@code null} for twice
 * {@code callsPerSecond}. The simulator measures on arrival, so a client running at its exact limit could get 60007
 * when a loaded machine delays some requests between the limiter and the wire; with the margin, test runs that
 * count calls exactly never see one. {@code simulate} keeps the limit strict.
 * @param arrivalMargin added to the spacing of the call starts shared with other processes (through the database):
 * the time between a reservation and the call reaching the vendor varies with the machine's load, and the vendor
 * measures arrivals; at the vendor's 1 call per second the default 25 ms costs 2.5% of the rate
 */
@ConfigurationProperties("pushloss.api")
public record ApiProperties(@DefaultValue("1.0") double callsPerSecond, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("30s") Duration readTimeout, @DefaultValue("6") int maxAttempts,
		Duration initialBackoff, @DefaultValue("60s") Duration maxBackoff,
		Double simulatorCallsPerSecond, @DefaultValue("25ms") Duration arrivalMargin) {

	public ApiProperties {
		if (callsPerSecond <= 0) {
			throw new IllegalArgumentException("pushloss.api.calls-per-second must be positive");
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("pushloss.api.max-attempts must be at least 1");
		}
		if (arrivalMargin.isNegative()) {
			throw new IllegalArgumentException("pushloss.api.arrival-margin must not be negative");
		}
		if (simulatorCallsPerSecond != null && !(simulatorCallsPerSecond > 0)) {
			throw new IllegalArgumentException("pushloss.api.simulator-calls-per-second must be positive");
		}
	}

	/**
	 * The frequency limit of the embedded simulator: {@code simulatorCallsPerSecond}, else twice the client's rate.
	 * The simulator measures arrivals, and a client spacing its calls exactly at the limit sees a few of them arrive
	 * early through scheduling jitter; the client's own spacing is what this product must get right, and the
	 * standalone {@code simulate} stays strict.
	 */
	public double embeddedSimulatorCallsPerSecond() {
		return (this.simulatorCallsPerSecond != null) ? this.simulatorCallsPerSecond : 2 * this.callsPerSecond;
	}

}
