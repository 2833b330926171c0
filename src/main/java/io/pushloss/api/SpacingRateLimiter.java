package io.pushloss.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces call starts: on one key, each call starts at least {@code spacing} after the previous call's start.
 * <p>
 * Deliberately not a "N permits per period" limiter: those let two calls through a few milliseconds apart across a
 * period boundary, and the vendor answers the second one with 60007. Callers reserve their slot under a lock and
 * sleep outside it, so concurrent callers queue up in arrival order.
 */
final class SpacingRateLimiter {

	/** Sleeps for a number of nanoseconds; may return early (the limiter checks the time again). */
	@FunctionalInterface
	interface Sleeper {

		void sleepNanos(long nanos) throws InterruptedException;

	}

	private static final SpacingRateLimiter SYSTEM = new SpacingRateLimiter(System::nanoTime,
			TimeUnit.NANOSECONDS::sleep);

	private final LongSupplier nanoTime;

	private final Sleeper sleeper;

	private final Map<String, Long> nextStart = new HashMap<>();

	SpacingRateLimiter(LongSupplier nanoTime, Sleeper sleeper) {
		this.nanoTime = nanoTime;
		this.sleeper = sleeper;
	}

	/** The JVM-wide limiter on the real clock, shared by all clients so two jobs cannot burst one application. */
	static SpacingRateLimiter system() {
		return SYSTEM;
	}

	/**
	 * Blocks until a call on {@code key} may start.
	 * @return the start time, in the limiter's nanosecond time base
	 */
	long acquire(String key, Duration spacing) throws InterruptedException {
		long start;
		synchronized (this.nextStart) {
			long now = this.nanoTime.getAsLong();
			Long reserved = this.nextStart.get(key);
			start = (reserved != null && reserved - now > 0) ? reserved : now;
			this.nextStart.put(key, start + spacing.toNanos());
		}
		long wait = start - this.nanoTime.getAsLong();
		while (wait > 0) {
			this.sleeper.sleepNanos(wait);
			wait = start - this.nanoTime.getAsLong();
		}
		return start;
	}

}
