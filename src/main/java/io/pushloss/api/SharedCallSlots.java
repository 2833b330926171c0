package io.pushloss.api;

import java.time.Duration;

/**
 * The vendor's frequency limit is per application and API, not per process: call starts reserved here are spaced
 * across every process that calls the same application (several {@code serve} nodes, or a {@code serve} and a
 * manual {@code run}), typically through the database they share. The reservation is measured in one clock (the
 * database's), so processes whose clocks differ still space their calls.
 */
@FunctionalInterface
public interface SharedCallSlots {

	/** No coordination beyond this process (a client on its own, tests). */
	SharedCallSlots NONE = (key, spacing) -> Duration.ZERO;

	/**
	 * Reserves the next call start on a key, at least {@code spacing} after the start reserved before it by any
	 * process.
	 * @param key the application and API (and the endpoint's base URL)
	 * @param spacing the least time between two starts
	 * @return how long to wait from now before the call may start (zero or positive)
	 */
	Duration reserve(String key, Duration spacing);

}
