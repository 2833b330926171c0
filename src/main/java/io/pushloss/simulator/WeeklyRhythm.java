package io.pushloss.simulator;

import io.pushloss.domain.LossSource;

/**
 * The shape of a week: fewer losses at night, peaks mid-morning and in the evening; push-to-all campaigns are
 * rarer at weekends while chat (normal push) is busier.
 */
final class WeeklyRhythm {

	/** Relative volume per local hour of day; averages about 1. */
	private static final double[] HOUR_OF_DAY = { 0.35, 0.25, 0.2, 0.18, 0.2, 0.3, 0.55, 0.9, 1.2, 1.35, 1.4, 1.35,
			1.3, 1.2, 1.15, 1.15, 1.2, 1.3, 1.45, 1.6, 1.7, 1.55, 1.1, 0.6 };

	private WeeklyRhythm() {
	}

	/**
	 * @param dayOfWeek 0 = Monday ... 6 = Sunday, local
	 * @param hourOfDay 0 to 23, local
	 */
	static double factor(LossSource source, int dayOfWeek, int hourOfDay) {
		boolean weekend = dayOfWeek >= 5;
		double day = !weekend ? 1.0 : (source == LossSource.ALL_MEMBER) ? 0.65 : 1.2;
		return day * HOUR_OF_DAY[hourOfDay];
	}

}
