package io.pushloss.api;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a client's calls start only in slots reserved through {@link SharedCallSlots}, so that the calls of every
 * process on one application arrive at the vendor with at least {@code 1 / rate} between them, as the vendor counts
 * (at most {@code k} arrivals in any {@code k / rate}, {@code k} the rate rounded down).
 * <p>
 * <b>The slots.</b> Consecutive slots of a key are {@code spacing + margin / k} apart, so any {@code k + 1} of them
 * span at least {@code k * spacing + margin}: {@code k * 2% / rate + margin} more than the vendor's window (45 ms at
 * the defaults). That slack absorbs what happens between the gate letting a call go and the call reaching the
 * vendor (a thread handing the request on, the network), and costs the same share of the rate: at the vendor's
 * 1 call per second, 1 / 1.045 s, 0.957 of the limit.
 * <p>
 * <b>Never early.</b> A slot is an instant in the shared (database) clock, and the reservation reads that clock at
 * some moment between the caller's asking and its answer. The gate places the slot on its own clock from that
 * reading and from those of its recent reservations (each bounds the offset between the two clocks, as NTP does), and
 * sleeps until the latest moment the slot can be. A reservation that waited for a row lock or a process that was
 * descheduled while reserving therefore delays the call, never advances it.
 * <p>
 * <b>Never late and close.</b> After the sleep, a call that is later than {@code margin / 2} after the earliest
 * moment its slot can be (a late wake-up on a loaded machine, a reservation whose placement is too uncertain) gives
 * the slot up and reserves again, so that it never arrives close to the next process's call. It is the last thing
 * before the request is sent: the client's own limiter waits before the reservation, not after it.
 * <p>
 * <b>Cold calls.</b> The first call of a client (or its first after {@link CallWindowRateLimiter#COLD_AFTER} without
 * any) would load classes and open a connection after its slot began, and on a loaded machine reach the vendor
 * hundreds of milliseconds late. So it first warms the client up outside any slot (a plain request to the base URL,
 * not an API call, that opens the connection); only when that fails does it hold its slot for {@link #COLD_HOLD}
 * (or one spacing, whichever is shorter) more, so that the next slot starts after it has surely arrived.
 */
final class SharedSlotGate {

	private static final Logger log = LoggerFactory.getLogger(SharedSlotGate.class);

	/** How long after its slot a cold call may still be on its way, at most (and at most one spacing). */
	static final Duration COLD_HOLD = Duration.ofMillis(500);

	/** Reservations in a row given up before a call goes at the latest moment its slot can be. */
	static final int MAX_RETAKES = 3;

	private final SharedCallSlots slots;

	private final Duration margin;

	private final LongSupplier nanoTime;

	private final CallWindowRateLimiter.Sleeper sleeper;

	private final ClockPlacement placement = new ClockPlacement();

	/** When this client's last call started (nanoTime), or {@code null} before the first: to tell a cold call. */
	private Long lastStart;

	/** Slots given up because the call would have been late, in total. */
	private long retaken;

	SharedSlotGate(SharedCallSlots slots, Duration margin) {
		this(slots, margin, System::nanoTime, (nanos) -> {
			LockSupport.parkNanos(nanos);
			if (Thread.interrupted()) {
				throw new InterruptedException("interrupted while waiting for the shared rate limit");
			}
		});
	}

	SharedSlotGate(SharedCallSlots slots, Duration margin, LongSupplier nanoTime,
			CallWindowRateLimiter.Sleeper sleeper) {
		this.slots = slots;
		this.margin = margin;
		this.nanoTime = nanoTime;
		this.sleeper = sleeper;
	}

	/**
	 * Waits for a slot of this key whose start this call can keep, and returns when the call may be sent.
	 * @param spacing the client's spacing of starts ({@code 1.02 / rate})
	 * @param callsPerWindow {@code k}, the rate rounded down (at least 1)
	 * @return the local time (nanoTime) at which the call may go
	 */
	long await(String key, Duration spacing, int callsPerWindow) throws InterruptedException {
		return await(key, spacing, callsPerWindow, () -> false);
	}

	/**
	 * Waits for a slot as {@link #await(String, Duration, int)} does; a cold call first runs {@code warmUp}, which
	 * opens the connection and loads the client's code outside any slot, and when it succeeds, holds its slot no
	 * longer than a warm call.
	 * @param warmUp opens the client's connection to the vendor without calling an API; {@code true} when it did
	 */
	long await(String key, Duration spacing, int callsPerWindow, BooleanSupplier warmUp) throws InterruptedException {
		if (this.slots == SharedCallSlots.NONE) {
			return this.nanoTime.getAsLong();
		}
		Duration hold = spacing.plus(this.margin.dividedBy(Math.max(1, callsPerWindow)));
		boolean cold;
		synchronized (this) {
			cold = this.lastStart == null
					|| this.nanoTime.getAsLong() - this.lastStart > CallWindowRateLimiter.COLD_AFTER.toNanos();
		}
		if (cold && !warmUp.getAsBoolean()) {
			hold = hold.plus((COLD_HOLD.compareTo(spacing) < 0) ? COLD_HOLD : spacing);
		}
		long tolerance = this.margin.toNanos() / 2;
		for (int attempt = 1;; attempt++) {
			long before = this.nanoTime.getAsLong();
			SharedCallSlots.Slot slot = this.slots.reserve(key, hold);
			long after = this.nanoTime.getAsLong();
			long[] bounds = this.placement.place(before, after, slot);
			long wait;
			while ((wait = bounds[1] - this.nanoTime.getAsLong()) > 0) {
				this.sleeper.sleepNanos(wait);
			}
			long now = this.nanoTime.getAsLong();
			long late = now - bounds[0];
			if (late <= tolerance || attempt > MAX_RETAKES) {
				synchronized (this) {
					this.lastStart = now;
				}
				return now;
			}
			synchronized (this) {
				this.retaken++;
			}
			log.debug("{}: up to {} ms after its slot (tolerance {} ms), reserving again", key, late / 1_000_000,
					tolerance / 1_000_000);
		}
	}

	/** Slots given up so far because the call would have been late. */
	synchronized long retaken() {
		return this.retaken;
	}

	/**
	 * Places instants of the shared clock on this process's clock. Each reservation bounds the offset between the two
	 * clocks: the shared clock read {@code nowMicros} at some moment between {@code before} and {@code after}. The
	 * bounds of the recent reservations are intersected (clocks drift apart by far less than a millisecond in the
	 * seconds they cover), so a slow reservation is placed as precisely as the fastest recent one.
	 */
	static final class ClockPlacement {

		/** How many recent reservations bound the offset. */
		static final int SAMPLES = 8;

		/** How old a reservation may be and still bound the offset. */
		static final long MAX_AGE_NANOS = Duration.ofSeconds(10).toNanos();

		/** {@code {after, lowest offset, highest offset}} of the recent reservations, oldest first. */
		private final Deque<long[]> samples = new ArrayDeque<>();

		/**
		 * The earliest and the latest local time (nanoTime) at which the slot starts.
		 * @param before the local time before the reservation was asked for
		 * @param after the local time after its answer came
		 */
		synchronized long[] place(long before, long after, SharedCallSlots.Slot slot) {
			// offset = shared clock - local clock, in nanoseconds; the shared clock read nowMicros within [before, after]
			long sharedNow = slot.nowMicros() * 1000;
			long low = sharedNow - after;
			long high = sharedNow - before;
			while (!this.samples.isEmpty() && (after - this.samples.peekFirst()[0] > MAX_AGE_NANOS
					|| this.samples.size() >= SAMPLES)) {
				this.samples.pollFirst();
			}
			this.samples.addLast(new long[] { after, low, high });
			long lowest = low;
			long highest = high;
			for (long[] sample : this.samples) {
				lowest = (sample[1] - lowest > 0) ? sample[1] : lowest;
				highest = (sample[2] - highest < 0) ? sample[2] : highest;
			}
			if (highest - lowest < 0) {
				// the clocks moved against each other (a step of either): start again from this reservation
				this.samples.clear();
				this.samples.addLast(new long[] { after, low, high });
				lowest = low;
				highest = high;
			}
			long start = Math.max(slot.startMicros(), slot.nowMicros()) * 1000;
			return new long[] { start - highest, start - lowest };
		}

	}

}
