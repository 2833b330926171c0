package io.pushloss.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Spaces call starts: on one key, each call starts at least {@code spacing} after the previous call's actual start.
 * <p>
 * Deliberately not a "N permits per period" limiter: those let two calls through a few milliseconds apart across a
 * period boundary, and the vendor answers the second one with 60007. Callers reserve their slot under a lock and
 * sleep outside it, so concurrent callers queue up in arrival order. A caller that wakes up late (a loaded machine,
 * a GC pause) starts late, and the next caller then waits for {@code spacing} after that actual start instead of
 * keeping its own earlier slot: the spacing the vendor sees never shrinks below {@code spacing} because of a late
 * wake-up.
 */
final class SpacingRateLimiter {

	/** Sleeps for a number of nanoseconds; may return early (the limiter checks the time again). */
	@FunctionalInterface
	interface Sleeper {

		void sleepNanos(long nanos) throws InterruptedException;

	}

	// parkNanos rather than Thread.sleep(millis, nanos), which on Java 17 rounds up to whole milliseconds: at 20
	// calls per second that alone was 1% of the rate. A park may return early; acquire() checks the time again.
	private static final SpacingRateLimiter SYSTEM = new SpacingRateLimiter(System::nanoTime, (nanos) -> {
		LockSupport.parkNanos(nanos);
		if (Thread.interrupted()) {
			throw new InterruptedException("interrupted while waiting for the rate limit");
		}
	});

	private final LongSupplier nanoTime;

	private final Sleeper sleeper;

	/** Per key: the next free slot (reservations queue up behind it). */
	private final Map<String, Long> nextStart = new HashMap<>();

	/** Per key: when the latest call actually started. */
	private final Map<String, Long> lastStart = new HashMap<>();

	SpacingRateLimiter(LongSupplier nanoTime, Sleeper sleeper) {
		this.nanoTime = nanoTime;
		this.sleeper = sleeper;
	}

	/** The JVM-wide limiter on the real clock, shared by all clients so two jobs cannot burst one application. */
	static SpacingRateLimiter system() {
		return SYSTEM;
	}

	/**
	 * Blocks until a call on {@code key} may start: not before its reserved slot, and not before {@code spacing}
	 * after the previous call's actual start.
	 * @return the start time, in the limiter's nanosecond time base
	 */
	long acquire(String key, Duration spacing) throws InterruptedException {
		long gap = spacing.toNanos();
		long slot;
		synchronized (this.nextStart) {
			long now = this.nanoTime.getAsLong();
			Long reserved = this.nextStart.get(key);
			slot = (reserved != null && reserved - now > 0) ? reserved : now;
			this.nextStart.put(key, slot + gap);
		}
		while (true) {
			long wait;
			synchronized (this.nextStart) {
				long now = this.nanoTime.getAsLong();
				Long last = this.lastStart.get(key);
				long earliest = (last != null && last + gap - slot > 0) ? last + gap : slot;
				wait = earliest - now;
				if (wait <= 0) {
					this.lastStart.put(key, now);
					// a late start moves the queue: new reservations begin after it
					if (this.nextStart.get(key) - (now + gap) < 0) {
						this.nextStart.put(key, now + gap);
					}
					return now;
				}
			}
			this.sleeper.sleepNanos(wait);
		}
	}

}
