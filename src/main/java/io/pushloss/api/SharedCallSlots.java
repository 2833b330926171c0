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
	SharedCallSlots NONE = (key, spacing) -> Slot.NOW;

	/**
	 * Reserves the next call start on a key, at least {@code spacing} after the start reserved before it by any
	 * process.
	 * @param key the application and API (and the endpoint's base URL)
	 * @param spacing the least time between two starts
	 * @return the reserved start and the moment the reservation read the shared clock, both in that clock
	 */
	Slot reserve(String key, Duration spacing);

	/**
	 * A reserved call start, in the shared clock (the database's): an instant, not a wait, so that the caller can
	 * place it on its own clock however long the reservation itself took (a row lock waited for, a process
	 * descheduled) and send no earlier than it.
	 *
	 * @param startMicros when the call may start (microseconds since the epoch, in the shared clock)
	 * @param nowMicros when the reservation read the shared clock, in the same clock: some moment between the
	 * caller's asking and its getting the answer
	 */
	record Slot(long startMicros, long nowMicros) {

		/** A slot that starts at once (no shared clock). */
		static final Slot NOW = new Slot(0, 0);

		/** How long after the reading of the shared clock the slot starts (zero or positive). */
		public Duration waitAfterNow() {
			return Duration.ofNanos(Math.max(0, this.startMicros - this.nowMicros) * 1000);
		}

	}

}
