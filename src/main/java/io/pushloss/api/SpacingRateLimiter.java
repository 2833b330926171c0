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
 * <p>
 * A cold call (the first on a key, or the first after {@link #COLD_AFTER} without any) may have to open a
 * connection, TCP and TLS, after the limiter let it go, and so reach the vendor well after its start. Once its
 * answer is in ({@link #finished}), the next call keeps the spacing from that moment instead: the cold call
 * arrived before its answer came back, whenever that was. This costs one answer's latency per cold call.
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

	/**
	 * How long a key may be idle before its next call counts as cold: shorter than the idle timeouts after which
	 * HTTP clients and servers commonly close a kept-alive connection.
	 */
	static final Duration COLD_AFTER = Duration.ofSeconds(30);

	/** Per key: when the latest call actually started. */
	private final Map<String, Long> lastStart = new HashMap<>();

	/** Per key: the start of a cold call whose answer is not in yet. */
	private final Map<String, Long> coldStart = new HashMap<>();

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
					if (last == null || now - last > COLD_AFTER.toNanos()) {
						this.coldStart.put(key, now);
					}
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

	/**
	 * Tells the limiter that the call that started at {@code start} (as {@link #acquire} returned it) has its answer
	 * or failed. After a cold call, the next call on the key waits the spacing from now.
	 */
	void finished(String key, long start) {
		synchronized (this.nextStart) {
			Long cold = this.coldStart.get(key);
			if (cold == null || cold != start) {
				return;
			}
			this.coldStart.remove(key);
			long now = this.nanoTime.getAsLong();
			if (this.lastStart.get(key) - now < 0) {
				this.lastStart.put(key, now);
			}
		}
	}

}
