package io.pushloss.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.pushloss.domain.Counts;

/**
 * A count this week against last week.
 *
 * @param thisWeek lost pushes in the report week W
 * @param lastWeek lost pushes in W-1
 */
public record WeekOverWeek(long thisWeek, long lastWeek) {

	public static final WeekOverWeek ZERO = new WeekOverWeek(0, 0);

	public WeekOverWeek {
		if (thisWeek < 0 || lastWeek < 0) {
			throw new IllegalArgumentException("counts must not be negative: " + thisWeek + " / " + lastWeek);
		}
	}

	/** {@code thisWeek - lastWeek}. */
	public long delta() {
		return this.thisWeek - this.lastWeek;
	}

	/**
	 * The change as a fraction of last week ({@code 0.081} for +8.1%), rounded to four decimals (half up), or
	 * {@code null} when last week was 0: the change is then "new", not infinite.
	 */
	public Double percentChange() {
		if (this.lastWeek == 0) {
			return null;
		}
		return BigDecimal.valueOf(delta())
			.divide(BigDecimal.valueOf(this.lastWeek), 4, RoundingMode.HALF_UP)
			.doubleValue();
	}

	/** {@code "+8.1%"}, {@code "-3.0%"}, {@code "0.0%"}, or {@code "new"} when last week was 0. */
	public String percentLabel() {
		Double fraction = percentChange();
		if (fraction == null) {
			return (this.thisWeek == 0) ? "0.0%" : "new";
		}
		BigDecimal percent = BigDecimal.valueOf(fraction).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
		return ((percent.signum() > 0) ? "+" : "") + percent.toPlainString() + "%";
	}

	public WeekOverWeek plus(WeekOverWeek other) {
		return new WeekOverWeek(Counts.add(this.thisWeek, other.thisWeek, "this week's lost pushes"),
				Counts.add(this.lastWeek, other.lastWeek, "last week's lost pushes"));
	}

}
