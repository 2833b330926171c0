package io.pushloss.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets a client's calls start only in slots reserved through {@link SharedCallSlots}, so that the calls of every
 * process on one application arrive at the vendor at least one spacing apart.
 * <p>
 * Two things can bring a call to the vendor later than its slot, and so too close to the next process's call: a
 * late wake-up on a loaded machine, and a cold call (the first on a key, or the first after a pause), which may
 * have to load classes and open a connection after its slot began. A call that wakes up later than half the
 * arrival margin gives its slot up and reserves again; a cold call holds its slot for {@link #COLD_HOLD} (or one
 * spacing, whichever is shorter) more, so that the next slot starts after it has surely arrived.
 */
final class SharedSlotGate {

	/** How long after its slot a cold call may still be on its way, at most (and at most one spacing). */
	static final Duration COLD_HOLD = Duration.ofMillis(500);

	private final SharedCallSlots slots;

	private final Duration margin;

	/** Per key: when its last call started (nanoTime), to tell a cold call. */
	private final Map<String, Long> lastStarts = new ConcurrentHashMap<>();

	SharedSlotGate(SharedCallSlots slots, Duration margin) {
		this.slots = slots;
		this.margin = margin;
	}

	/** Waits for a slot of this key whose start this call can keep. */
	void await(String key, Duration spacing) throws InterruptedException {
		if (this.slots == SharedCallSlots.NONE) {
			return;
		}
		Long last = this.lastStarts.get(key);
		boolean cold = last == null || System.nanoTime() - last > CallWindowRateLimiter.COLD_AFTER.toNanos();
		Duration coldHold = (COLD_HOLD.compareTo(spacing) < 0) ? COLD_HOLD : spacing;
		Duration hold = spacing.plus(this.margin).plus(cold ? coldHold : Duration.ZERO);
		long tolerance = this.margin.toNanos() / 2;
		while (true) {
			long deadline = System.nanoTime() + this.slots.reserve(key, hold).toNanos();
			long wait;
			while ((wait = deadline - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
				if (Thread.interrupted()) {
					throw new InterruptedException("interrupted while waiting for the shared rate limit");
				}
			}
			if (-wait <= tolerance) {
				this.lastStarts.put(key, System.nanoTime());
				return;
			}
			// woke up too late: the next process's slot is near, so this one reserves again
		}
	}

}
