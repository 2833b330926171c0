package io.pushloss.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import io.pushloss.domain.LossSource;

/**
 * The vendor's frequency limit per (SDKAppID, API), as a sliding window measured on arrival: at most {@code k} calls
 * in any {@code k / callsPerSecond} seconds, where {@code k} is {@code callsPerSecond} rounded down (at least 1).
 * <p>
 * At the vendor's 1 call per second this is exactly "no two calls less than a second apart". At the higher rates
 * tests and benchmarks use to run faster, it is what "N calls per second" means to a real service (N calls in any
 * second) rather than the far stricter "no two calls less than 1/N s apart", under which a few milliseconds of
 * scheduling jitter at 50 ms spacing would fail a client that keeps to the rate.
 * <p>
 * Every call counts, including rejected ones, so a client hammering the API stays rejected until it waits.
 */
final class CallRateLimiter {

	static final int FREQUENCY_EXCEEDED = 60007;

	private final int callsPerWindow;

	private final long windowNanos;

	/** Recent arrivals per key, oldest first. */
	private final Map<String, Deque<Instant>> arrivals = new HashMap<>();

	CallRateLimiter(double callsPerSecond) {
		if (Double.isInfinite(callsPerSecond)) {
			this.callsPerWindow = 0;
			this.windowNanos = 0;
		}
		else {
			this.callsPerWindow = (int) Math.max(1, Math.min(Math.floor(callsPerSecond), 1_000_000));
			this.windowNanos = (long) Math.ceil(this.callsPerWindow * 1e9 / callsPerSecond);
		}
	}

	/** Records the arrival and rejects it when the window before it already holds the calls allowed. */
	void admit(String sdkAppId, LossSource source, Instant arrival) {
		if (this.windowNanos == 0) {
			return;
		}
		int recent;
		synchronized (this.arrivals) {
			Deque<Instant> log = this.arrivals.computeIfAbsent(sdkAppId + "/" + source.apiName(),
					(key) -> new ArrayDeque<>());
			Instant windowStart = arrival.minusNanos(this.windowNanos);
			// kept a window longer than needed: a call admitted late (out of order) still sees its own window
			Instant horizon = windowStart.minusNanos(this.windowNanos);
			while (!log.isEmpty() && log.peekFirst().isBefore(horizon)) {
				log.pollFirst();
			}
			recent = 0;
			for (Iterator<Instant> it = log.descendingIterator(); it.hasNext();) {
				Instant previous = it.next();
				if (!previous.isAfter(windowStart)) {
					break;
				}
				if (!previous.isAfter(arrival)) {
					recent++;
				}
			}
			insertInOrder(log, arrival);
		}
		if (recent >= this.callsPerWindow) {
			throw new RejectedCallException(FREQUENCY_EXCEEDED, "call frequency exceeded: at most "
					+ describe() + " on " + source.apiName());
		}
	}

	/** Calls handled on other threads may be admitted slightly out of arrival order. */
	private static void insertInOrder(Deque<Instant> log, Instant arrival) {
		if (log.isEmpty() || !log.peekLast().isAfter(arrival)) {
			log.addLast(arrival);
			return;
		}
		Deque<Instant> later = new ArrayDeque<>();
		while (!log.isEmpty() && log.peekLast().isAfter(arrival)) {
			later.addFirst(log.pollLast());
		}
		log.addLast(arrival);
		log.addAll(later);
	}

	private String describe() {
		long millis = Duration.ofNanos(this.windowNanos).toMillis();
		return (this.callsPerWindow == 1) ? "one call per " + millis + " ms"
				: this.callsPerWindow + " calls per " + millis + " ms";
	}

}
