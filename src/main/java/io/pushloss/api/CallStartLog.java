package io.pushloss.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;

/**
 * One key's recent call starts and the slots that waiting callers have reserved, for {@link CallWindowRateLimiter}.
 * Times are in the limiter's nanosecond time base and compared by difference, as {@link System#nanoTime()} requires.
 * Not thread-safe: the limiter guards it with its lock.
 */
final class CallStartLog {

	/** Actual starts, oldest first; only the latest {@link #kept} matter. */
	private final ArrayDeque<Long> starts = new ArrayDeque<>();

	/** Slots reserved by callers that have not started yet, in reservation order, which is also time order. */
	private final List<Long> reserved = new ArrayList<>();

	/** The most calls per window any caller asked for on this key: the starts to keep. */
	private int kept = 1;

	/** The start of a cold call whose answer is not in yet, or {@code null}. */
	private Long coldStart;

	/**
	 * The earliest time, not before {@code from}, at which one more start keeps the rule: at most {@code calls}
	 * starts in any {@code calls * spacingNanos}, and none closer than {@code spacingNanos / 2} to another one.
	 * @param withReservations whether the slots reserved by waiting callers count as starts (when reserving) or not
	 * (when admitting a start, which is checked against the actual starts only)
	 */
	long earliest(long from, int calls, long spacingNanos, boolean withReservations) {
		Iterator<Long> actual = this.starts.descendingIterator();
		ListIterator<Long> slots = withReservations ? this.reserved.listIterator(this.reserved.size())
				: Collections.<Long>emptyList().listIterator();
		Long nextActual = actual.hasNext() ? actual.next() : null;
		Long nextSlot = slots.hasPrevious() ? slots.previous() : null;
		long earliest = from;
		// walk the starts (and slots) from the latest back to the calls-th latest
		for (int seen = 1; seen <= calls && (nextActual != null || nextSlot != null); seen++) {
			long time;
			if (nextSlot == null || (nextActual != null && nextActual - nextSlot >= 0)) {
				time = nextActual;
				nextActual = actual.hasNext() ? actual.next() : null;
			}
			else {
				time = nextSlot;
				nextSlot = slots.hasPrevious() ? slots.previous() : null;
			}
			if (seen == 1) {
				earliest = later(earliest, time + spacingNanos / 2);
			}
			if (seen == calls) {
				earliest = later(earliest, time + calls * spacingNanos);
			}
		}
		return earliest;
	}

	/** Reserves the earliest slot after every start and every slot reserved before it. */
	long reserve(long now, int calls, long spacingNanos) {
		this.kept = Math.max(this.kept, calls);
		long slot = earliest(now, calls, spacingNanos, true);
		this.reserved.add(slot);
		return slot;
	}

	/** Gives a reserved slot up (the caller was interrupted). */
	void cancel(long slot) {
		this.reserved.remove(Long.valueOf(slot));
	}

	/**
	 * Records the start of the call that had reserved {@code slot}; it is cold when it is the first on the key or
	 * the first after {@code coldAfterNanos} without any.
	 */
	void start(long slot, long now, long coldAfterNanos) {
		cancel(slot);
		if (this.starts.isEmpty() || now - this.starts.peekLast() > coldAfterNanos) {
			this.coldStart = now;
		}
		record(now);
	}

	/** After a cold call's answer, counts the call as having started now, when it had certainly arrived. */
	void answered(long start, long now) {
		if (this.coldStart == null || this.coldStart != start) {
			return;
		}
		this.coldStart = null;
		this.starts.removeFirstOccurrence(start);
		record(now);
	}

	/** Inserts in time order (a cold call's answer may come after later starts) and forgets what no window needs. */
	private void record(long time) {
		ArrayDeque<Long> after = new ArrayDeque<>();
		while (!this.starts.isEmpty() && this.starts.peekLast() - time > 0) {
			after.addFirst(this.starts.pollLast());
		}
		this.starts.addLast(time);
		this.starts.addAll(after);
		while (this.starts.size() > this.kept) {
			this.starts.pollFirst();
		}
	}

	private static long later(long a, long b) {
		return (a - b >= 0) ? a : b;
	}

}
