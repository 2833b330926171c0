package io.pushloss.analysis;

/**
 * How an error code moved from last week to this week.
 */
public enum CodeStatus {

	/** Lost pushes this week, none last week nor earlier in the baseline. */
	NEW,

	/** Present this week, absent last week, present earlier in the baseline. */
	REGRESSED,

	/** None this week, some last week. */
	RESOLVED,

	UP, DOWN, FLAT

}
