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
 * @param simulatorCallsPerSecond the embedded simulator's frequency limit, or {@code null} for
 * {@code callsPerSecond}, the client's own rate (the vendor's, 1, by default): the demo then proves the client keeps
 * to the limit the vendor enforces. Tests that count calls exactly under a loaded machine may set it higher.
 * @param arrivalMargin the slack of the call starts shared with other processes (through the database): any
 * {@code k + 1} shared starts of one application and API span the vendor's window of {@code k} calls plus 2% plus
 * this margin ({@code k} the rate rounded down), and a call later than half the margin after its slot reserves
 * again. The vendor measures arrivals, and the time from a call's slot to its arrival varies with the machine's load
 * and the network; at the vendor's 1 call per second the default 25 ms costs 2.4% of the rate (1 s / 1.045 s)
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
	 * The frequency limit of the embedded simulator: {@code simulatorCallsPerSecond}, else the client's rate, as the
	 * vendor enforces it. The simulator measures arrivals; the client keeps its calls 2% further apart than the rate
	 * and adds {@code arrivalMargin} to the spacing it reserves, so a correctly spaced client gets no 60007 from it.
	 */
	public double embeddedSimulatorCallsPerSecond() {
		return (this.simulatorCallsPerSecond != null) ? this.simulatorCallsPerSecond : this.callsPerSecond;
	}

}
