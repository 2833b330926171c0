package io.pushloss.domain;

import java.util.function.Supplier;

/**
 * Adds counts of lost pushes without wrapping: every place that adds counts goes through here, so a total beyond
 * 64 bits fails at once with a {@link CountOverflowException} naming what was being added, instead of wrapping into
 * a negative number that fails later ("counts must not be negative") or, worse, reads as a plausible figure.
 */
public final class Counts {

	private Counts() {
	}

	/**
	 * {@code total + count}.
	 * @param what what is being added, for the message (for example {@code "Push to all ReadyToSend of ErrCode -1"})
	 * @throws CountOverflowException when the sum does not fit in 64 bits
	 */
	public static long add(long total, long count, String what) {
		try {
			return Math.addExact(total, count);
		}
		catch (ArithmeticException ex) {
			throw new CountOverflowException(what, total, count);
		}
	}

	/** {@code total + count}, the message built only when the sum overflows (for loops over many rows). */
	public static long add(long total, long count, Supplier<String> what) {
		try {
			return Math.addExact(total, count);
		}
		catch (ArithmeticException ex) {
			throw new CountOverflowException(what.get(), total, count);
		}
	}

	/** The sum of the counts. */
	public static long sum(Iterable<Long> counts, String what) {
		long total = 0;
		for (Long count : counts) {
			total = add(total, count, what);
		}
		return total;
	}

	/** The sum of the counts. */
	public static long sum(long[] counts, String what) {
		long total = 0;
		for (long count : counts) {
			total = add(total, count, what);
		}
		return total;
	}

}
