package io.pushloss.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Limits call starts per key the way the vendor counts calls (as the simulator models it): at most {@code k} starts
 * in any {@code k * spacing}, where {@code k} is the rate rounded down (at least 1) and {@code spacing} is
 * {@code 1 / rate} plus a margin, and never two starts closer than {@code spacing / 2}.
 * <p>
 * At {@code k = 1}, the vendor's 1 call per second, this is "each call starts at least {@code spacing} after the
 * previous call's actual start". At higher rates the window matters: a call that wakes up late (a loaded machine, a
 * GC pause) delays only the call {@code k} starts after it, not every following one, so its successors catch up
 * instead of each passing the delay on. The minimum gap keeps a backlog from going out as one burst.
 * <p>
 * The window slides over the <em>actual</em> starts, so it does not have the boundary problem of "N permits per
 * period" limiters, which let two bursts through a few milliseconds apart across a period boundary (answered 60007).
 * Callers reserve a slot under the lock (after every start and every earlier reservation) and sleep outside it, so
 * concurrent callers queue up in arrival order instead of herding. The final admission, under the lock, checks the
 * time against the actual starts only: however late or out of order callers wake up, there are never more than
 * {@code k} actual starts in any {@code k * spacing} window and never two closer than {@code spacing / 2}.
 * <p>
 * A cold call (the first on a key, or the first after {@link #COLD_AFTER} without any) may have to open a
 * connection, TCP and TLS, after the limiter let it go, and so reach the vendor well after its start. Once its
 * answer is in ({@link #finished}), it counts as having started at that moment: it arrived before its answer came
 * back, whenever that was. At {@code k = 1} this costs one answer's latency per cold call.
 */
public final class CallWindowRateLimiter {

	/** Sleeps for a number of nanoseconds; may return early (the limiter checks the time again). */
	@FunctionalInterface
	interface Sleeper {

		void sleepNanos(long nanos) throws InterruptedException;

	}

	/**
	 * How long a key may be idle before its next call counts as cold: shorter than the idle timeouts after which
	 * HTTP clients and servers commonly close a kept-alive connection.
	 */
	static final Duration COLD_AFTER = Duration.ofSeconds(30);


	private final LongSupplier nanoTime;

	private final Sleeper sleeper;

	/** Per key: its starts and reservations; also the lock of every decision. */
	private final Map<String, CallStartLog> logs = new HashMap<>();

	/**
	 * A limiter on the real clock. One per process is shared by every client of the process (the API client
	 * provider owns it), so that two jobs of one application cannot burst it.
	 */
	public CallWindowRateLimiter() {
		// parkNanos rather than Thread.sleep(millis, nanos), which on Java 17 rounds up to whole milliseconds: at 20
		// calls per second that alone was 1% of the rate. A park may return early; acquire() checks the time again.
		this(System::nanoTime, (nanos) -> {
			LockSupport.parkNanos(nanos);
			if (Thread.interrupted()) {
				throw new InterruptedException("interrupted while waiting for the rate limit");
			}
		});
	}

	CallWindowRateLimiter(LongSupplier nanoTime, Sleeper sleeper) {
		this.nanoTime = nanoTime;
		this.sleeper = sleeper;
	}

	/**
	 * Blocks until a call on {@code key} may start: not before its reserved slot, and not before the actual starts
	 * allow it.
	 * @param callsPerWindow {@code k}: at most this many starts in any {@code callsPerWindow * spacing}
	 * @param spacing the average time between two starts; consecutive starts are at least half of it apart
	 * @return the start time, in the limiter's nanosecond time base
	 */
	long acquire(String key, int callsPerWindow, Duration spacing) throws InterruptedException {
		if (callsPerWindow < 1) {
			throw new IllegalArgumentException("callsPerWindow must be at least 1, got " + callsPerWindow);
		}
		long spacingNanos = spacing.toNanos();
		CallStartLog log;
		long slot;
		synchronized (this.logs) {
			log = this.logs.computeIfAbsent(key, (k) -> new CallStartLog());
			slot = log.reserve(this.nanoTime.getAsLong(), callsPerWindow, spacingNanos);
		}
		boolean started = false;
		try {
			while (true) {
				long wait;
				synchronized (this.logs) {
					long now = this.nanoTime.getAsLong();
					long earliest = log.earliest(now, callsPerWindow, spacingNanos, false);
					wait = ((slot - earliest > 0) ? slot : earliest) - now;
					if (wait <= 0) {
						log.start(slot, now, COLD_AFTER.toNanos());
						started = true;
						return now;
					}
				}
				this.sleeper.sleepNanos(wait);
			}
		}
		finally {
			if (!started) {
				synchronized (this.logs) {
					log.cancel(slot);
				}
			}
		}
	}

	/**
	 * Tells the limiter that the call that started at {@code start} (as {@link #acquire} returned it) has its answer
	 * or failed. A cold call then counts as having started now.
	 */
	void finished(String key, long start) {
		synchronized (this.logs) {
			CallStartLog log = this.logs.get(key);
			if (log != null) {
				log.answered(start, this.nanoTime.getAsLong());
			}
		}
	}

}
