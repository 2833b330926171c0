package io.pushloss.domain;

/**
 * Counts of lost pushes that do not add up within 64 bits: the vendor (or the store) holds figures no report can
 * show. The message names what was being added and the two operands.
 */
public class CountOverflowException extends ArithmeticException {

	private final String what;

	public CountOverflowException(String what, long total, long count) {
		super("the total of " + what + " exceeds 64 bits (" + total + " + " + count
				+ "): the stored counts cannot be added up");
		this.what = what;
	}

	/** A sum made elsewhere (by the database) that does not fit in 64 bits. */
	public CountOverflowException(String what, java.math.BigInteger sum) {
		super("the total of " + what + " exceeds 64 bits (" + sum + "): the stored counts cannot be added up");
		this.what = what;
	}

	/** What was being added. */
	public String what() {
		return this.what;
	}

}
