package io.pushloss.jobdef;

import java.time.Period;
import java.util.Locale;

/**
 * How finely a job fetches its baseline weeks ({@code baseline-detail}). The report shows baseline weeks only as
 * weekly totals, so by default each is one 7-day window per API and task group; {@code daily} fetches them day by
 * day (seven times the calls), for a store of record that holds every week in days, as a later report or backfill
 * of those weeks would fetch them.
 */
public enum BaselineDetail {

	/** One window per baseline week (the default): the fewest calls. */
	WEEKLY(Period.ofDays(7)),

	/** One window per day of each baseline week. */
	DAILY(Period.ofDays(1));

	private final Period window;

	BaselineDetail(Period window) {
		this.window = window;
	}

	/** The fetch window of a baseline week. */
	public Period window() {
		return this.window;
	}

	/** The value as a job file writes it: {@code weekly} or {@code daily}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The detail a job file names ({@code daily} or {@code weekly}, as checked by the loader). */
	static BaselineDetail fromKey(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}

}
