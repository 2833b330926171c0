package io.pushloss.domain;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week such as {@code 2026-W46}: Monday 00:00 to the next Monday 00:00 in a zone.
 *
 * @param year the week-based year
 * @param week the week of that year, 1 to 52 or 53
 */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

	public IsoWeek {
		if (year < 1970 || year > 9999) {
			throw new IllegalArgumentException("week-based year " + year + " is out of range");
		}
		int weeks = weeksIn(year);
		if (week < 1 || week > weeks) {
			throw new IllegalArgumentException(
					String.format("%04d-W%02d does not exist: %d has weeks W01 to W%02d", year, week, year, weeks));
		}
	}

	/**
	 * Parses {@code YYYY-Www}.
	 * @throws IllegalArgumentException with a message fit for an operator
	 */
	public static IsoWeek parse(String text) {
		Matcher matcher = FORMAT.matcher((text != null) ? text.trim() : "");
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + text + "' is not an ISO week; expected YYYY-Www, e.g. 2026-W46");
		}
		return new IsoWeek(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	/** The ISO week that contains a date. */
	public static IsoWeek of(LocalDate date) {
		return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/** The last week that has fully ended in a zone at the clock's instant. */
	public static IsoWeek lastComplete(ZoneId zone, Clock clock) {
		return of(LocalDate.now(clock.withZone(zone))).minusWeeks(1);
	}

	/** Monday of this week. */
	public LocalDate monday() {
		return LocalDate.of(this.year, 1, 4)
			.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, this.week)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/** Sunday of this week (the last day, inclusive). */
	public LocalDate sunday() {
		return monday().plusDays(6);
	}

	/** Monday 00:00 of this week in a zone (the start, inclusive). */
	public ZonedDateTime start(ZoneId zone) {
		return monday().atStartOfDay(zone);
	}

	/** Monday 00:00 of the next week in a zone (the end, exclusive). */
	public ZonedDateTime end(ZoneId zone) {
		return monday().plusWeeks(1).atStartOfDay(zone);
	}

	public IsoWeek minusWeeks(int weeks) {
		return of(monday().minusWeeks(weeks));
	}

	public IsoWeek plusWeeks(int weeks) {
		return of(monday().plusWeeks(weeks));
	}

	/** Whether this week has ended in a zone at the clock's instant. */
	public boolean isComplete(ZoneId zone, Clock clock) {
		return !end(zone).toInstant().isAfter(clock.instant());
	}

	@Override
	public int compareTo(IsoWeek other) {
		return (this.year != other.year) ? Integer.compare(this.year, other.year)
				: Integer.compare(this.week, other.week);
	}

	/** {@code YYYY-Www}. */
	@Override
	public String toString() {
		return String.format("%04d-W%02d", this.year, this.week);
	}

	private static int weeksIn(int year) {
		return (int) LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
	}

}
